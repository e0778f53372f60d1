import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticNoteName, writeSyntheticVault } from '../../../bench/vault-synthetic';
import { silentLogger } from '../logging/logger';
import { IndexWorkers } from './index-workers';
import { inProcessParser } from './note-parser';
import { VaultIndex } from './vault-index';
import { volatileVaultMemory } from './vault-memory';
import { buildTree, quickSwitch, tagCounts } from './vault-queries';
import { VaultService } from './vault-service';

// The worker from its TypeScript source, through the tsx loader (the build runs out/main/index-worker.js).
const workerFile = path.join(import.meta.dirname, 'index-worker.ts');
const NOTES = 300;

let root = '';
let paths: string[] = [];
const workers = new IndexWorkers({ workerFile, workers: 2, batchSize: 32 });

beforeAll(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'berth-index-workers-')));
  paths = await writeSyntheticVault(root, NOTES, 1200);
  await fs.writeFile(path.join(root, 'Binary.md'), Buffer.from([0, 1, 2, 3, 0, 255]));
  await fs.writeFile(path.join(root, 'folder-0', 'pic.png'), 'png');
});

afterAll(async () => {
  await workers.stop();
  await fs.rm(root, { recursive: true, force: true });
});

/** Everything the index answers, in a comparable form. */
function answers(index: VaultIndex) {
  const notes = [...index.notes.values()].sort((a, b) => a.path.localeCompare(b.path)).map((record) => ({ ...record, mtimeMs: 0 }));
  const links = [...index.notes.keys()].sort().map((note) => [note, index.linksFrom(note).map((edge) => edge.target), index.linkingNotes(note)]);
  return {
    notes,
    links,
    tree: buildTree(index),
    tags: tagCounts(index),
    switcher: quickSwitch(index, 'alias 12'),
    search: ['volume', 'bridge layer', 'snapsh', 'Note 00042'].map((query) => index.search.search(query, 20)),
    resolved: index.resolver.resolve('Alias 7', 'folder-3/Note 00003.md'),
  };
}

describe('IndexWorkers (worker threads)', () => {
  it('builds exactly the index the in-process parser builds', async () => {
    const inProcess = new VaultIndex(root);
    await inProcess.build();
    await inProcess.searchReady;
    const batches: number[] = [];
    const threaded = new VaultIndex(root, {
      parse: (dir, notes, onBatch) => workers.parse(dir, notes, (records) => (batches.push(records.length), onBatch(records))),
    });
    await threaded.build();
    await threaded.searchReady;
    expect(workers.usesWorkers).toBe(true);
    expect(batches.length).toBeGreaterThanOrEqual(Math.floor(NOTES / 32));
    expect(threaded.notes.size).toBe(NOTES + 1);
    expect(threaded.notes.get('Binary.md')?.problem).toBeTruthy();
    const [expected, actual] = [answers(inProcess), answers(threaded)];
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) expect(actual[key], key).toEqual(expected[key]);
  });

  it('lists first (every note by name) and reads scans on demand before the index is complete', async () => {
    const index = new VaultIndex(root, workers);
    await index.list();
    expect(index.complete).toBe(false);
    expect(index.notes.size).toBe(NOTES + 1);
    expect(index.resolver.resolvedPath(syntheticNoteName(5), 'x.md')).toBe(paths[5]);
    expect(index.scanOf(paths[5] ?? '')?.headings[0]?.text).toBe(syntheticNoteName(5));
    await index.fill();
    expect(index.complete).toBe(true);
    expect(index.notes.get(paths[5] ?? '')?.scan.aliases).toEqual(['Alias 5']);
  });

  it('reads a few notes here, but a big one (a pasted table) on a worker, with the same records', async () => {
    const small = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'berth-index-big-')));
    const own = new IndexWorkers({ workerFile, workers: 1 });
    try {
      const rows = Array.from({ length: 4000 }, (_, r) => `| web-${r} | exited | [[Note ${r % 9}]] |`).join('\n');
      await fs.writeFile(path.join(small, 'docker ps.md'), `**my containers lol**\n\n| name | state | note |\n|---|---|---|\n${rows}\n`);
      await fs.writeFile(path.join(small, 'Volumes.md'), '# Volumes\nteacher said docker rm deletes the volume too [[docker ps]]');
      const notes = ['Volumes.md', 'docker ps.md'];
      const read = async (parser: Pick<IndexWorkers, 'parse'>, list: string[]) => {
        const records: unknown[] = [];
        await parser.parse(small, list, (batch) => records.push(...batch));
        return records.sort((a, b) => String((a as { path: string }).path).localeCompare((b as { path: string }).path));
      };
      expect(await read(own, ['Volumes.md'])).toEqual(await read(inProcessParser, ['Volumes.md']));
      expect(own.threads).toBe(0);
      expect(await read(own, notes)).toEqual(await read(inProcessParser, notes));
      expect(own.threads).toBe(1);
    } finally {
      await own.stop();
      await fs.rm(small, { recursive: true, force: true });
    }
  });

  it('falls back to parsing in-process when a worker cannot start', async () => {
    const broken = new IndexWorkers({ workerFile: path.join(root, 'no-such-worker.js'), workers: 1 });
    const index = new VaultIndex(root, broken);
    await index.build();
    expect(index.notes.size).toBe(NOTES + 1);
    expect(index.linkingNotes(paths[1] ?? '').length).toBeGreaterThanOrEqual(0);
    await broken.stop();
  });
});

describe('VaultService on index workers', () => {
  it('opens a generated vault and updates incrementally when files change on disk', async () => {
    const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'berth-index-service-')));
    const written = await writeSyntheticVault(dir, 200, 800, 7);
    const service = new VaultService({ bundledVaultDir: dir, publish: () => undefined, log: silentLogger, memory: volatileVaultMemory(), settleMs: 20, parser: workers });
    // Resolves once the index has applied changes to all these paths (over one or more batches).
    const changed = (wanted: (paths: string[]) => boolean) =>
      new Promise<void>((resolve) => {
        const seen: string[] = [];
        const off = service.onIndexed((paths) => {
          seen.push(...paths);
          if (wanted(seen)) {
            off();
            resolve();
          }
        });
      });
    try {
      expect((await service.open(dir)).noteCount).toBe(200);
      const target = written[10] ?? '';
      let update = changed((paths) => paths.includes(target));
      await fs.appendFile(path.join(dir, target), '\nzebracorn [[Fresh note]]\n');
      await update;
      expect((await service.search('zebracorn')).hits.map((hit) => hit.path)).toEqual([target]);

      update = changed((paths) => paths.includes('Fresh note.md'));
      await fs.writeFile(path.join(dir, 'Fresh note.md'), '# Fresh note\n#fresh');
      await update;
      expect(service.backlinks('Fresh note.md').linked.map((entry) => entry.path)).toEqual([target]);
      expect(service.tags('fresh').notes).toEqual(['Fresh note.md']);

      // Many notes at once (a checkout, a copied folder) go through the workers.
      const copies = Array.from({ length: 70 }, (_, i) => `copied/Copy ${i}.md`);
      update = changed((paths) => copies.every((copy) => paths.includes(copy)));
      await fs.mkdir(path.join(dir, 'copied'));
      await Promise.all(copies.map((copy, i) => fs.writeFile(path.join(dir, copy), `# Copy ${i}\nquasarite see [[Fresh note]]`)));
      await update;
      expect((await service.search('quasarite', 100)).hits).toHaveLength(70);
      expect(service.backlinks('Fresh note.md').linked).toHaveLength(71);

      update = changed((paths) => paths.includes(target));
      await fs.rm(path.join(dir, target));
      await update;
      expect(service.info().noteCount).toBe(200 + 1 + 70 - 1);
      expect((await service.search('zebracorn')).hits).toEqual([]);
    } finally {
      await service.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
