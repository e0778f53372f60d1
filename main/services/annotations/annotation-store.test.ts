import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationStore, type StoreNotice } from './annotation-store';
import { confShardFactory } from './conf-shard-factory';
import { shardNameFor, vaultStoreDir } from './store-files';
import { sampleAnnotation, tempDirs } from './test-support/sample-annotations';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup() {
  const dirs = tempDirs();
  cleanups.push(dirs.cleanup);
  const notices: StoreNotice[] = [];
  const open = () =>
    new AnnotationStore({
      baseDir: dirs.store,
      vaultPath: dirs.vault,
      openStore: confShardFactory,
      onNotice: (n) => notices.push(n),
    });
  return { ...dirs, notices, open };
}

function shardFile(baseDir: string, vault: string, notePath: string): string {
  return path.join(vaultStoreDir(baseDir, vault), `${shardNameFor(notePath)}.json`);
}

describe('AnnotationStore', () => {
  it('keeps one shard file per note and reads them back', () => {
    const { open, store, vault } = setup();
    const first = open();
    const a = sampleAnnotation('Storage/Volumes.md');
    const b = sampleAnnotation('Storage/Volumes.md');
    const c = sampleAnnotation('Networking/Bridge.md');
    first.put('Storage/Volumes.md', [a, b]);
    first.put('Networking/Bridge.md', [c]);
    expect(fs.existsSync(shardFile(store, vault, 'Storage/Volumes.md'))).toBe(true);
    expect(fs.existsSync(shardFile(store, vault, 'Networking/Bridge.md'))).toBe(true);
    const second = open();
    expect(
      second
        .forNote('Storage/Volumes.md')
        .map((x) => x.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(second.get(c.id)).toEqual(c);
    expect(second.all()).toHaveLength(3);
    expect(second.remove('Storage/Volumes.md', [a.id])).toEqual([a]);
    expect(open().forNote('Storage/Volumes.md')).toEqual([b]);
  });

  it("keys the store by the vault's real path", () => {
    const { store, vault, root } = setup();
    const link = path.join(root, 'vault-link');
    fs.symlinkSync(vault, link);
    expect(vaultStoreDir(store, link)).toBe(vaultStoreDir(store, vault));
  });

  it('sees what another store (e.g. the CLI) wrote since it was opened', () => {
    const { open } = setup();
    const app = open();
    app.put('A.md', [sampleAnnotation('A.md')]);
    expect(app.all()).toHaveLength(1);
    const cli = open();
    const added = sampleAnnotation('A.md');
    const elsewhere = sampleAnnotation('New note.md');
    cli.put('A.md', [added]);
    cli.put('New note.md', [elsewhere]);
    expect(app.forNote('A.md').map((a) => a.id)).toContain(added.id);
    expect(app.forNote('New note.md')).toEqual([elsewhere]);
    expect(app.all()).toHaveLength(3);
    expect(app.get(added.id)).toEqual(added);
  });

  it('refuses an invalid annotation without writing anything', () => {
    const { open } = setup();
    const s = open();
    const bad = sampleAnnotation('A.md', { color: 'orange' as never });
    expect(() => s.put('A.md', [bad])).toThrow();
    expect(open().all()).toEqual([]);
  });

  it('moves a file that is not JSON aside, tells the user, and keeps the other notes', () => {
    const { open, store, vault, notices } = setup();
    const s = open();
    const good = sampleAnnotation('Good.md');
    s.put('Good.md', [good]);
    s.put('Broken.md', [sampleAnnotation('Broken.md')]);
    const broken = shardFile(store, vault, 'Broken.md');
    fs.writeFileSync(
      broken,
      '{"schemaVersion": 1, "notePath": "Broken.md", "annotations": [ {oops',
    );
    const reopened = open();
    expect(reopened.all()).toEqual([good]);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/could not be read/);
    const backup = notices[0]?.backup ?? '';
    expect(path.basename(backup)).toMatch(
      /^note-[0-9a-f]{16}\.corrupt-\d{4}-\d{2}-\d{2}T.*\.json$/,
    );
    expect(fs.readFileSync(backup, 'utf8')).toContain('{oops');
    expect(fs.existsSync(broken)).toBe(false);
    // Opening again does not report the same damage twice.
    open();
    expect(notices).toHaveLength(1);
  });

  it('keeps the valid annotations of a hand-edited file with a wrong schema and backs it up', () => {
    const { open, store, vault, notices } = setup();
    const s = open();
    const keep1 = sampleAnnotation('Note.md');
    const keep2 = sampleAnnotation('Note.md');
    s.put('Note.md', [keep1, keep2]);
    const file = shardFile(store, vault, 'Note.md');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.annotations.push({ ...sampleAnnotation('Note.md'), color: 'chartreuse' }, { id: 'x' });
    fs.writeFileSync(file, JSON.stringify(doc));
    const reopened = open();
    expect(
      reopened
        .forNote('Note.md')
        .map((a) => a.id)
        .sort(),
    ).toEqual([keep1.id, keep2.id].sort());
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(
      /2 annotations of Note\.md failed validation.*The other 2 are loaded/,
    );
    const backup = JSON.parse(fs.readFileSync(notices[0]?.backup ?? '', 'utf8'));
    expect(backup.annotations).toHaveLength(4);
    // The file itself now holds what could be read, so the next start is quiet.
    open();
    expect(notices).toHaveLength(1);
  });

  it('backs up a file whose whole shape is wrong instead of wiping it', () => {
    const { open, store, vault, notices } = setup();
    open().put('Note.md', [sampleAnnotation('Note.md')]);
    const file = shardFile(store, vault, 'Note.md');
    fs.writeFileSync(file, JSON.stringify({ hello: 'world' }));
    expect(open().all()).toEqual([]);
    expect(notices[0]?.message).toMatch(/does not look like an annotations file/);
    expect(fs.readFileSync(notices[0]?.backup ?? '', 'utf8')).toContain('hello');
  });

  it('ignores temp files and backups in the store folder', () => {
    const { open, store, vault, notices } = setup();
    open().put('Note.md', [sampleAnnotation('Note.md')]);
    const dir = vaultStoreDir(store, vault);
    fs.writeFileSync(path.join(dir, `${shardNameFor('Note.md')}.json.tmp-123`), 'partial');
    fs.writeFileSync(path.join(dir, `${shardNameFor('Other.md')}.corrupt-2020.json`), 'junk');
    expect(open().all()).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  it('loses nothing under many interleaved writes, also from two stores on the same folder', async () => {
    const { open } = setup();
    const one = open();
    const two = open();
    const notes = ['A.md', 'B.md', 'C.md'];
    const written: string[] = [];
    await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        const notePath = notes[i % notes.length] ?? 'A.md';
        const annotation = sampleAnnotation(notePath);
        (i % 2 ? one : two).put(notePath, [annotation]);
        written.push(annotation.id);
      }),
    );
    const doomed = written.slice(0, 30);
    for (const id of doomed) {
      const store = Math.random() < 0.5 ? one : two;
      const notePath = open().get(id)?.notePath ?? '';
      store.remove(notePath, [id]);
    }
    const final = open();
    expect(
      final
        .all()
        .map((a) => a.id)
        .sort(),
    ).toEqual(written.slice(30).sort());
  });

  it(
    'never loses a change when two processes write one shard at the same instant',
    { timeout: 60_000 },
    async () => {
      const { store, vault, open } = setup();
      const script = path.join(
        path.dirname(fileURLToPath(import.meta.url)),
        'test-support',
        'race-writer.ts',
      );
      const startAt = String(Date.now() + 2500);
      const run = (label: string) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', script, store, vault, label, '60', startAt],
            { stdio: ['ignore', 'ignore', 'pipe'] },
          );
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`writer ${label} exited ${code}: ${stderr}`)),
          );
        });
      await Promise.all([run('a'), run('b')]);
      const ids = new Set(
        open()
          .forNote('Race/Shared note.md')
          .map((a) => a.id),
      );
      expect(ids.size).toBe(120);
    },
  );

  it('loses at most the change in flight when the process is killed with SIGKILL while saving', async () => {
    const { store, vault, open, notices } = setup();
    const script = path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      'test-support',
      'crash-writer.ts',
    );
    const acknowledged = new Set<string>();
    const started = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', script, store, vault, `r${round}`],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let buffer = '';
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise<void>((resolve, reject) => {
        let killAfter = -1;
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) {
            const [word, id] = line.split(' ');
            if (word === 'ready') killAfter = 5 + Math.floor(Math.random() * 25);
            if (word === 'saving' && id) started.add(id);
            if (word === 'saved' && id) acknowledged.add(id);
          }
          if (
            killAfter >= 0 &&
            [...acknowledged].filter((id) => id.startsWith(`crash-r${round}-`)).length >= killAfter
          ) {
            // Kill at a random moment of the next save, not between saves.
            setTimeout(() => child.kill('SIGKILL'), Math.random() * 3);
            killAfter = Number.POSITIVE_INFINITY;
            resolve();
          }
        });
        child.on('exit', (code, signal) => {
          if (signal !== 'SIGKILL')
            reject(new Error(`writer exited early (${code ?? signal}): ${stderr}`));
        });
      });
      await exited;
      const reopened = open();
      const stored = new Set(reopened.all().map((a) => a.id));
      for (const id of acknowledged)
        expect(stored.has(id), `acknowledged ${id} was lost`).toBe(true);
      const unacknowledged = [...started].filter(
        (id) => id.startsWith(`crash-r${round}-`) && !acknowledged.has(id),
      );
      // Only the save in flight may be missing; nothing that was never started can appear.
      expect(unacknowledged.length).toBeLessThanOrEqual(1);
      for (const id of stored) expect(started.has(id)).toBe(true);
      expect(notices).toEqual([]);
    }
  }, 120_000);
});
