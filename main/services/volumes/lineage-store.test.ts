import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineageEntry } from '../../contract/volumes';
import { silentLogger } from '../logging/logger';
import { LineageStore } from './lineage-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-lineage-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const entry = (seq: number, itemId = 'volume:a'): LineageEntry => ({
  seq,
  at: 1000 + seq,
  itemId,
  type: 'event',
  action: 'volume mount',
});

describe('LineageStore', () => {
  it('starts empty without a file and writes atomically (no temp file left behind)', () => {
    const file = path.join(dir, 'sub', 'volume-lineage.json');
    const store = new LineageStore({ file, log: silentLogger });
    expect(store.load().entries).toEqual([]);
    store.append([entry(1), entry(2, 'volume:b')], {
      owners: { abc: { containerId: 'c1', containerName: 'web' } },
      everUsed: ['a'],
    });
    store.flush();
    expect(fs.readdirSync(path.dirname(file))).toEqual(['volume-lineage.json']);
    const again = new LineageStore({ file, log: silentLogger });
    const loaded = again.load();
    expect(loaded.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(loaded.memory.owners.abc?.containerName).toBe('web');
    expect(again.lastSeq()).toBe(2);
    expect(again.query('volume:b')).toHaveLength(1);
  });

  it('keeps only the newest entries', () => {
    const file = path.join(dir, 'lineage.json');
    const store = new LineageStore({ file, log: silentLogger, maxEntries: 5 });
    store.load();
    store.append(Array.from({ length: 12 }, (_, i) => entry(i + 1)));
    store.flush();
    const loaded = new LineageStore({ file, log: silentLogger, maxEntries: 5 }).load();
    expect(loaded.entries.map((e) => e.seq)).toEqual([8, 9, 10, 11, 12]);
  });

  it('collects writes and writes once after the delay', async () => {
    const file = path.join(dir, 'lineage.json');
    const store = new LineageStore({ file, log: silentLogger, writeDelayMs: 20 });
    store.load();
    store.append([entry(1)]);
    store.append([entry(2)]);
    expect(fs.existsSync(file)).toBe(false);
    await new Promise((r) => setTimeout(r, 60));
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).entries).toHaveLength(2);
  });

  it('sets a damaged file aside, says so, and starts a new history', () => {
    const file = path.join(dir, 'lineage.json');
    fs.writeFileSync(file, '{"version":1,"entries":[{"seq":1');
    const notices: string[] = [];
    const store = new LineageStore({ file, log: silentLogger, onNotice: (m) => notices.push(m) });
    expect(store.load().entries).toEqual([]);
    expect(notices[0]).toMatch(/damaged.*kept as lineage\.corrupt-/);
    const aside = fs.readdirSync(dir).find((f) => f.includes('.corrupt-'));
    expect(aside && fs.readFileSync(path.join(dir, aside), 'utf8')).toBe(
      '{"version":1,"entries":[{"seq":1',
    );
  });

  it('drops entries that break the schema but keeps the rest', () => {
    const file = path.join(dir, 'lineage.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        entries: [entry(1), { seq: 'x' }, entry(3)],
        memory: { owners: {}, everUsed: [] },
      }),
    );
    const store = new LineageStore({ file, log: silentLogger });
    expect(store.load().entries.map((e) => e.seq)).toEqual([1, 3]);
  });
});
