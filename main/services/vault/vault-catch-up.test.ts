import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedSince } from './vault-catch-up';
import { VaultIndex } from './vault-index';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function vault(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-catch-up-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Sets a file's modification time (ms since the epoch). */
function touch(root: string, file: string, ms: number): void {
  fs.utimesSync(path.join(root, file), ms / 1000, ms / 1000);
}

describe('changedSince', () => {
  it('finds what came, went or was edited after the listing, and nothing else', async () => {
    const root = vault({ 'Old.md': 'old', 'Kept.md': 'kept', 'Gone.md': 'gone', 'img/a.png': 'png', 'Labs/Lab 1.md': 'lab' });
    const long = Date.now() - 60_000;
    for (const file of ['Old.md', 'Kept.md', 'Gone.md', 'Labs/Lab 1.md']) touch(root, file, long);
    const index = new VaultIndex(root);
    await index.list();
    const listedAt = Date.now();
    // Between the listing and the watcher's first scan:
    fs.writeFileSync(path.join(root, 'Kept.md'), 'kept, edited');
    fs.rmSync(path.join(root, 'Gone.md'));
    fs.writeFileSync(path.join(root, 'New note.md'), 'new');
    fs.rmSync(path.join(root, 'img'), { recursive: true });
    fs.mkdirSync(path.join(root, 'Week 2'));
    expect(await changedSince(root, index, listedAt)).toEqual(['Gone.md', 'Kept.md', 'New note.md', 'Week 2', 'img', 'img/a.png']);
  });

  it('is empty when nothing changed', async () => {
    const root = vault({ 'A.md': 'a', 'sub/B.md': 'b' });
    for (const file of ['A.md', 'sub/B.md']) touch(root, file, Date.now() - 60_000);
    const index = new VaultIndex(root);
    await index.list();
    expect(await changedSince(root, index, Date.now())).toEqual([]);
  });
});
