import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { NetworkLineageStore } from './network-lineage-store';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-netstore-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('NetworkLineageStore', () => {
  it('writes the story and the picture, and reads them back after a restart', () => {
    const file = path.join(dir, 'network-lineage.json');
    const store = new NetworkLineageStore({ file, log: silentLogger });
    store.append(
      [
        {
          seq: 1,
          at: 1,
          networkId: 'n1',
          networkName: 'app',
          type: 'state',
          action: 'created',
          to: 'created',
        },
      ],
      { items: [], everUsed: ['n1'] },
    );
    store.flush();
    const again = new NetworkLineageStore({ file, log: silentLogger });
    const loaded = again.load();
    expect(loaded.entries.map((e) => e.action)).toEqual(['created']);
    expect(loaded.memory.everUsed).toEqual(['n1']);
    expect(again.lastSeq()).toBe(1);
  });

  it('sets a damaged file aside, says so, and starts an empty story', () => {
    const file = path.join(dir, 'network-lineage.json');
    fs.writeFileSync(file, '{"version":1,"entries":[ garbage');
    const notices: string[] = [];
    const store = new NetworkLineageStore({
      file,
      log: silentLogger,
      onNotice: (m) => notices.push(m),
    });
    expect(store.load().entries).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/network history/);
    const kept = fs.readdirSync(dir).filter((f) => f !== 'network-lineage.json');
    expect(kept.some((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('garbage'))).toBe(
      true,
    );
  });
});
