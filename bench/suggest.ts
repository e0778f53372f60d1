/**
 * `npm run bench:suggest`: writes a vault of 2,000 student-like notes (Docker sections with typos,
 * bold pseudo-headings and mixed languages, plus unrelated sections) to a temp dir, reads each
 * note from disk and times the suggestions for it (matcher + claim check, the work behind
 * `suggestions.forNote`). Also reports how many headings get a suggestion, on the generated
 * vault (Docker vs unrelated sections: the latter are false suggestions) and on the bundled vault.
 * `per_note_*_ms` are wall-clock (read + suggest, so they include waiting for a core on a loaded
 * machine); `per_note_cpu_p95_ms` is the CPU time of the suggestion work alone. Prints one JSON object last.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { builtInCatalogue } from '../main/services/demos/catalogue';
import { NoteSuggester } from '../main/services/suggestions/suggest-note';
import { suggestForVault } from '../main/services/suggestions/vault-suggestions';
import { decodeNote } from '../main/services/vault/note-source';
import { machineFacts, percentile } from './machine';
import { studentNote } from './suggest-notes';
import { seededRandom } from './vault-synthetic';

const catalogue = builtInCatalogue();

const NOTES = Number(process.env.BENCH_SUGGEST_NOTES ?? 2000);
const round = (value: number) => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const load = os.loadavg()[0] ?? 0;
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'berth-bench-suggest-')));
  try {
    const random = seededRandom(11);
    const notes = Array.from({ length: NOTES }, (_, i) => ({
      file: `week-${i % 20}/note-${i}.md`,
      ...studentNote(i, random),
    }));
    for (const folder of new Set(notes.map((note) => path.dirname(note.file))))
      await fs.mkdir(path.join(dir, folder), { recursive: true });
    for (const note of notes) await fs.writeFile(path.join(dir, note.file), note.text);
    process.stderr.write(`Wrote ${NOTES} notes to ${dir}\n`);

    const buildStarted = performance.now();
    const suggester = new NoteSuggester(catalogue);
    const buildMs = performance.now() - buildStarted;
    for (const note of notes.slice(0, 50)) suggester.suggest(note.text); // warm-up

    const times: number[] = [];
    const cpuTimes: number[] = [];
    let docker = 0;
    let dockerHit = 0;
    let unrelated = 0;
    let unrelatedHit = 0;
    let flags = 0;
    const cpu = process.cpuUsage();
    for (const note of notes) {
      const started = performance.now();
      const text = decodeNote(await fs.readFile(path.join(dir, note.file))).text;
      const noteCpu = process.cpuUsage();
      const found = suggester.suggest(text);
      const spent = process.cpuUsage(noteCpu);
      times.push(performance.now() - started);
      cpuTimes.push((spent.user + spent.system) / 1000);
      const suggested = new Set(found.sections.map((section) => section.line));
      for (const section of note.sections) {
        if (section.unrelated) {
          unrelated++;
          if (suggested.has(section.line)) unrelatedHit++;
        } else {
          docker++;
          if (suggested.has(section.line)) dockerHit++;
        }
      }
      flags += found.flags.length;
    }
    const used = process.cpuUsage(cpu);

    // A 1 MB note (pasted lecture notes): only its first ANALYZE_LIMIT characters are looked at.
    const big: string[] = [];
    for (let i = 0, size = 0; size < 1_000_000; i++) {
      const text = studentNote(i, random).text;
      big.push(text);
      size += text.length;
    }
    const bigStarted = performance.now();
    suggester.suggest(big.join('\n'));
    const bigNoteMs = performance.now() - bigStarted;

    const bundledDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'notes');
    const bundled = await suggestForVault(bundledDir, catalogue);
    const bundledCovered = new Set(
      bundled.suggestions.map((entry) => `${entry.note}#${entry.line}`),
    ).size;

    const result = {
      bench: 'suggest',
      notes: NOTES,
      demos: catalogue.length,
      index_build_ms: round(buildMs),
      per_note_p50_ms: round(percentile(times, 50)),
      per_note_p95_ms: round(percentile(times, 95)),
      per_note_max_ms: round(Math.max(...times)),
      per_note_cpu_p95_ms: round(percentile(cpuTimes, 95)),
      goal_p95_ms: 20,
      one_mb_note_ms: Math.round(bigNoteMs),
      total_cpu_ms: Math.round((used.user + used.system) / 1000),
      docker_headings_with_suggestion: round(dockerHit / Math.max(1, docker)),
      unrelated_headings_with_suggestion: round(unrelatedHit / Math.max(1, unrelated)),
      flags_per_note: round(flags / NOTES),
      bundled_notes: bundled.notes,
      bundled_headings: bundled.headings,
      bundled_headings_with_suggestion: round(bundledCovered / Math.max(1, bundled.headings)),
      bundled_flags: bundled.flags.length,
      load_1m_at_start: round(load),
      ...machineFacts(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
