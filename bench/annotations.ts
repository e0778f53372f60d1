/**
 * Annotations benchmark. Prints one JSON object on its last line:
 * - add_p95_ms: adding one annotation (selection -> selectors -> atomic write) with 10,000 in the vault
 * - single_file_add_p95_ms: the same write if the vault were one electron-store file (why we shard)
 * - reanchor_1000_ms: re-anchoring 1,000 annotations (10 notes x 100) after a generated edit set
 * - reanchor_share: share of annotations whose quote still exists that landed exactly in the right place
 * - fuzzy_share: share of annotations edited inside that were found (>= 80% overlap with the truth)
 * - deleted_orphaned_share: share of annotations whose text was deleted that became orphaned
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import type { Annotation, RenderedText } from '../main/contract/annotations';
import { AnnotationStore } from '../main/services/annotations/annotation-store';
import { AnnotationsService } from '../main/services/annotations/annotations-service';
import { confShardFactory, SHARD_STORE_OPTIONS } from '../main/services/annotations/conf-shard-factory';
import { anchorTarget, describeRange } from '../main/services/annotations/text-anchor';
import { silentLogger } from '../main/services/logging/logger';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

const WORDS = (
  'docker container image volume layer overlay2 mount bind tmpfs network bridge host port publish daemon socket ' +
  'engine build cache stage registry tag digest label prune inspect logs exec entrypoint command signal stop kill ' +
  'restart policy health check compose service stack secret config user namespace cgroup memory cpu limit read ' +
  'only writable upper lower merged directory file path copy write snapshot driver local named anonymous the a of ' +
  'and to in is it that when with for on keeps runs starts removes creates lists shows data stays lives outlives'
).split(' ');
/** Stock sentences that recur across a note, so quotes have duplicates told apart by context. */
const STOCK = [
  'Run docker ps to see what is running.',
  'The data stays on the host.',
  'Remember to prune what you no longer need.',
  'This is where most people get confused.',
];

function sentence(): string {
  if (random() < 0.12) return pick(STOCK);
  const words = Array.from({ length: between(6, 18) }, () => pick(WORDS));
  const first = words[0] ?? 'docker';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function noteText(targetLength: number): RenderedText {
  let text = '';
  const headings: RenderedText['headings'] = [];
  while (text.length < targetLength) {
    if (random() < 0.15) {
      const heading = `${pick(WORDS)} ${pick(WORDS)}`;
      headings.push({ offset: text.length, text: heading, level: 2 });
      text += `${heading}\n`;
    }
    text += `${Array.from({ length: between(2, 6) }, sentence).join(' ')}\n`;
  }
  return { text, headings };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (n: number) => Math.round(n * 100) / 100;

function benchAdd(root: string): { add_p95_ms: number; add_median_ms: number; single_file_add_p95_ms: number } {
  const vault = path.join(root, 'vault');
  const baseDir = path.join(root, 'store');
  fs.mkdirSync(vault, { recursive: true });
  const notes = Array.from({ length: 200 }, (_, i) => `Topic ${i % 20}/Note ${i}.md`);
  const rendered = noteText(20_000);
  const bulk = new AnnotationStore({ baseDir, vaultPath: vault, openStore: confShardFactory });
  const all: Annotation[] = [];
  let id = 0;
  for (const notePath of notes) {
    const batch: Annotation[] = [];
    for (let i = 0; i < 50; i++) {
      const start = between(0, rendered.text.length - 200);
      const target = describeRange(rendered, start, start + between(20, 150));
      batch.push({
        id: `bench-${++id}`,
        notePath,
        color: pick(['yellow', 'green', 'blue', 'pink', 'purple'] as const),
        comment: random() < 0.5 ? `A comment with **markdown** about ${pick(WORDS)} and ${pick(WORDS)}.` : '',
        tags: random() < 0.3 ? [pick(WORDS)] : [],
        target,
        anchor: { status: 'anchored', method: 'created', checkedAt: Date.now() },
        evidence: null,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      });
    }
    bulk.put(notePath, batch);
    all.push(...batch);
  }
  const service = new AnnotationsService({ baseDir, vaultPath: vault, openStore: confShardFactory, log: silentLogger });
  if (service.list().length !== 10_000) throw new Error(`expected 10000 annotations, found ${service.list().length}`);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const start = between(0, rendered.text.length - 200);
    const began = performance.now();
    service.create({ notePath: pick(notes), rendered, start, end: start + 80, color: 'yellow', comment: 'bench', tags: [], evidence: null });
    times.push(performance.now() - began);
  }

  // The same add if the whole vault were one electron-store document.
  const single = new Conf<{ annotations: Annotation[] }>({ ...SHARD_STORE_OPTIONS, cwd: path.join(root, 'single'), configName: 'vault', defaults: { annotations: [] } });
  single.store = { annotations: all };
  const singleTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const extra = { ...all[i % all.length], id: `single-${i}` } as Annotation;
    const began = performance.now();
    const current = single.store.annotations;
    single.store = { annotations: [...current, extra] };
    singleTimes.push(performance.now() - began);
  }
  return { add_p95_ms: round(percentile(times, 95)), add_median_ms: round(percentile(times, 50)), single_file_add_p95_ms: round(percentile(singleTimes, 95)) };
}

interface Tracked {
  target: ReturnType<typeof describeRange>;
  start: number;
  end: number;
  state: 'intact' | 'edited' | 'deleted';
}

/** Applies an edit to the text and moves every tracked span the way the edit moves its text. */
function applyEdit(doc: { text: string }, tracked: Tracked[], at: number, removeLength: number, insert: string): void {
  doc.text = doc.text.slice(0, at) + insert + doc.text.slice(at + removeLength);
  const delta = insert.length - removeLength;
  const editEnd = at + removeLength;
  for (const t of tracked) {
    if (t.state === 'deleted') continue;
    if (editEnd <= t.start && !(removeLength === 0 && at === t.start && false)) {
      t.start += delta;
      t.end += delta;
    } else if (at >= t.end) {
      // After the span: nothing moves.
    } else if (at <= t.start && editEnd >= t.end) {
      t.state = 'deleted';
    } else if (at >= t.start && editEnd <= t.end) {
      t.end += delta;
      t.state = 'edited';
    } else if (at < t.start) {
      t.start = at + insert.length;
      t.end += delta;
      t.state = 'edited';
    } else {
      t.end = at;
      t.state = 'edited';
    }
  }
}

function benchReanchor() {
  let totalMs = 0;
  let intact = 0;
  let intactRight = 0;
  let edited = 0;
  let editedFound = 0;
  let deleted = 0;
  let deletedOrphaned = 0;
  const byCase = { intact: 0, edited: 0, deleted: 0 };
  for (let n = 0; n < 10; n++) {
    const rendered = noteText(30_000);
    const tracked: Tracked[] = [];
    for (let i = 0; i < 100; i++) {
      const slot = Math.floor((rendered.text.length / 100) * i);
      const start = Math.min(rendered.text.length - 130, slot + between(0, 100));
      const target = describeRange(rendered, start, start + between(15, 120));
      tracked.push({ target, start: target.position.start, end: target.position.end, state: 'intact' });
    }
    const doc = { text: rendered.text };
    for (const t of [...tracked]) {
      if (t.state === 'deleted') continue;
      const kind = pick(['before', 'before', 'inside', 'around', 'around', 'remove']);
      if (kind === 'before') {
        applyEdit(doc, tracked, Math.max(0, t.start - between(1, 200)), 0, ` ${sentence()} `);
      } else if (kind === 'inside' && t.end - t.start > 12) {
        const at = between(t.start + 2, t.end - 6);
        applyEdit(doc, tracked, at, between(1, 4), pick(WORDS));
      } else if (kind === 'around') {
        const after = between(3, 25);
        applyEdit(doc, tracked, t.end, Math.min(after, doc.text.length - t.end), '');
        const before = Math.min(between(3, 25), t.start);
        applyEdit(doc, tracked, t.start - before, before, '');
      } else if (kind === 'remove') {
        const from = Math.max(0, t.start - between(0, 40));
        applyEdit(doc, tracked, from, Math.min(doc.text.length, t.end + between(0, 40)) - from, '');
      }
    }
    const began = performance.now();
    const results = tracked.map((t) => {
      const one = performance.now();
      const result = anchorTarget(doc.text, t.target);
      byCase[t.state] += performance.now() - one;
      return result;
    });
    totalMs += performance.now() - began;
    tracked.forEach((t, i) => {
      const result = results[i];
      if (!result) return;
      if (t.state === 'intact') {
        if (doc.text.slice(t.start, t.end) !== t.target.quote.exact) throw new Error('bench tracking is wrong');
        intact++;
        if (result.start === t.start && result.end === t.end) intactRight++;
      } else if (t.state === 'edited') {
        edited++;
        const overlap = Math.max(0, Math.min(result.end, t.end) - Math.max(result.start, t.start));
        if (result.status === 'anchored' && overlap >= 0.8 * Math.max(t.end - t.start, result.end - result.start)) editedFound++;
      } else {
        deleted++;
        if (result.status === 'orphaned') deletedOrphaned++;
      }
    });
  }
  return {
    reanchor_1000_ms: round(totalMs),
    reanchor_share: round(intactRight / Math.max(1, intact)),
    fuzzy_share: round(editedFound / Math.max(1, edited)),
    deleted_orphaned_share: round(deletedOrphaned / Math.max(1, deleted)),
    intact,
    edited,
    deleted,
    reanchor_ms_by_case: { intact: round(byCase.intact), edited: round(byCase.edited), deleted: round(byCase.deleted) },
  };
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-annotations-'));
try {
  const add = benchAdd(root);
  const anchor = benchReanchor();
  console.log(JSON.stringify({ ...add, ...anchor, annotations_in_vault: 10_000, notes_in_vault: 200 }));
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
