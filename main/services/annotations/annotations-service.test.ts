import { afterEach, describe, expect, it } from 'vitest';
import { RpcFailure } from '../../contract/errors';
import type { RenderedText } from '../../contract/annotations';
import { silentLogger } from '../logging/logger';
import { AnnotationsService } from './annotations-service';
import { confShardFactory } from './conf-shard-factory';
import { tempDirs } from './test-support/sample-annotations';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const NOTE = 'Storage/Volumes.md';
const doc: RenderedText = {
  text:
    'Volumes\nA named volume is storage that Docker manages for you. It outlives every container that uses it.\n' +
    'Bind mounts\nA bind mount maps a folder of the host into the container.\n',
  headings: [
    { offset: 0, text: 'Volumes', level: 1 },
    { offset: 103, text: 'Bind mounts', level: 2 },
  ],
};

function setup() {
  const dirs = tempDirs();
  cleanups.push(dirs.cleanup);
  const changes: string[][] = [];
  let clock = Date.parse('2026-11-23T10:00:00Z');
  let ids = 0;
  const make = () =>
    new AnnotationsService({
      baseDir: dirs.store,
      vaultPath: dirs.vault,
      openStore: confShardFactory,
      log: silentLogger,
      onChanged: (paths) => changes.push(paths),
      now: () => (clock += 1000),
      newId: () => `id-${String(++ids).padStart(4, '0')}`,
    });
  return { ...dirs, changes, make };
}

function rangeOf(quote: string): { start: number; end: number } {
  const start = doc.text.indexOf(quote);
  return { start, end: start + quote.length };
}

function create(service: AnnotationsService, quote: string, extra: Partial<Parameters<AnnotationsService['create']>[0]> = {}) {
  return service.create({ notePath: NOTE, rendered: doc, ...rangeOf(quote), color: 'yellow', comment: '', tags: [], evidence: null, ...extra });
}

describe('AnnotationsService', () => {
  it('creates, lists in reading order, updates, removes and restores', () => {
    const { make, changes } = setup();
    const service = make();
    const second = create(service, 'maps a folder of the host', { color: 'blue' });
    const first = create(service, 'outlives every container', { comment: 'Even after `docker rm`!', tags: ['docker', 'volumes', 'docker'] });
    expect(first.target.heading).toBe('Volumes');
    expect(second.target.heading).toBe('Bind mounts');
    expect(first.tags).toEqual(['docker', 'volumes']);
    expect(service.list(NOTE).map((a) => a.id)).toEqual([first.id, second.id]);
    expect(changes).toEqual([[NOTE], [NOTE]]);

    const updated = service.update({ id: first.id, color: 'green', comment: 'Edited' });
    expect(updated).toMatchObject({ color: 'green', comment: 'Edited', tags: ['docker', 'volumes'] });
    expect(updated.updatedAt).toBeGreaterThan(first.updatedAt);

    const removed = service.remove(first.id);
    expect(make().list()).toHaveLength(1);
    service.restore(removed);
    expect(make().list().map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it('answers bad input with readable errors and loses nothing', () => {
    const { make } = setup();
    const service = make();
    create(service, 'outlives every container');
    expect(() => service.create({ notePath: NOTE, rendered: doc, start: 5, end: 500, color: 'yellow', comment: '', tags: [], evidence: null })).toThrow(
      /outside the note/,
    );
    expect(() => service.update({ id: 'nope-123', comment: 'x' })).toThrow(RpcFailure);
    expect(() => service.remove('nope-123')).toThrow(/no longer exists/);
    expect(service.list()).toHaveLength(1);
  });

  it('re-anchors after the note changed on disk and keeps orphans with their quote', () => {
    const { make } = setup();
    const service = make();
    const kept = create(service, 'outlives every container');
    const gone = create(service, 'maps a folder of the host');
    const edited: RenderedText = {
      text: `Intro\nA new first paragraph.\n${doc.text.split('Bind mounts')[0]}`,
      headings: [{ offset: 0, text: 'Intro', level: 1 }, { offset: 30, text: 'Volumes', level: 1 }],
    };
    const { placements } = service.anchor(NOTE, edited);
    const byId = new Map(placements.map((p) => [p.id, p]));
    expect(byId.get(kept.id)).toMatchObject({ status: 'anchored', method: 'quote' });
    expect(edited.text.slice(byId.get(kept.id)?.start, byId.get(kept.id)?.end)).toBe('outlives every container');
    expect(byId.get(gone.id)).toMatchObject({ status: 'orphaned' });
    const reloaded = make().list(NOTE);
    const orphan = reloaded.find((a) => a.id === gone.id);
    expect(orphan?.anchor.status).toBe('orphaned');
    expect(orphan?.target.quote.exact).toBe('maps a folder of the host');
    expect(reloaded.find((a) => a.id === kept.id)?.target.position.start).toBe(edited.text.indexOf('outlives every container'));
    // The text comes back: the orphan is found again.
    expect(service.anchor(NOTE, doc).placements.find((p) => p.id === gone.id)?.status).toBe('anchored');
  });

  it('exports markdown and imports it back into an empty vault store', () => {
    const { make } = setup();
    const service = make();
    create(service, 'outlives every container', {
      comment: 'Checked it:\n\n- `docker rm -f c`\n- volume **still** there (100%)',
      tags: ['docker/volumes'],
      evidence: { runId: 'run-42', demoId: 'volume-outlives', result: 'passed', lines: ['hello from the volume'], events: ['volume create data'] },
    });
    create(service, 'maps a folder of the host', { color: 'pink' });
    const { markdown, count, fileName } = service.exportMarkdown();
    expect(count).toBe(2);
    expect(fileName).toMatch(/^Annotations - .*\.md$/);
    expect(markdown).toContain('> [!quote] Volumes · yellow');
    expect(markdown).toContain('> > outlives every container');
    expect(markdown).toContain('> — [[Storage/Volumes#Volumes]] · #docker/volumes · 2026-11-23');
    expect(markdown).toContain('**Demo run** `run-42`');

    const original = service.list();
    for (const annotation of original) service.remove(annotation.id);
    expect(service.list()).toEqual([]);
    const report = service.importMarkdown(markdown);
    expect(report).toEqual({ added: 2, updated: 0, unchanged: 0, problems: [] });
    expect(make().list()).toEqual(original);
    expect(service.importMarkdown(markdown)).toMatchObject({ added: 0, unchanged: 2 });
  });

  it('exports one note only', () => {
    const { make } = setup();
    const service = make();
    create(service, 'outlives every container');
    service.create({ notePath: 'Other.md', rendered: doc, ...rangeOf('Bind mounts'), color: 'yellow', comment: '', tags: [], evidence: null });
    const { markdown, count } = service.exportMarkdown(NOTE);
    expect(count).toBe(1);
    expect(markdown).not.toContain('Other');
  });

  it('reports a damaged store file through storeStatus and onNotice', async () => {
    const { make, store, vault } = setup();
    const service = make();
    create(service, 'outlives every container');
    const { storeDir } = service.storeStatus();
    const fs = await import('node:fs');
    const shard = fs.readdirSync(storeDir).find((f) => f.startsWith('note-'));
    fs.writeFileSync(`${storeDir}/${shard}`, 'not json at all');
    const notices: string[] = [];
    const reopened = new AnnotationsService({ baseDir: store, vaultPath: vault, openStore: confShardFactory, log: silentLogger, onNotice: (n) => notices.push(n.message) });
    expect(reopened.list()).toEqual([]);
    expect(notices[0]).toMatch(/could not be read.*kept as .*corrupt-/);
    expect(reopened.storeStatus().notices).toHaveLength(1);
  });

  it('switches between vaults', () => {
    const { make, root } = setup();
    const service = make();
    create(service, 'outlives every container');
    service.setVault(`${root}/another-vault`);
    expect(service.list()).toEqual([]);
  });
});
