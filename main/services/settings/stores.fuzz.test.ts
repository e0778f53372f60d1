/**
 * Generated interleavings of writes, reopenings (a restart) and damaged bytes for the settings
 * store and the volume history: what was acknowledged is never lost, and a damaged file is moved
 * aside (its bytes kept) with a notice, never wiped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { LineageStore } from '../volumes/lineage-store';
import { fuzzParams } from '../../testing/fuzz-config';
import { SettingsService } from './settings-service';
import { confStoreFactory, type CorruptStoreBackup } from './store-factory';

type Op =
  | { kind: 'write'; fontSize: number }
  | { kind: 'reopen' }
  | { kind: 'damage'; bytes: Uint8Array; keep: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 10, max: 28 })
      .map((fontSize) => ({ kind: 'write' as const, fontSize })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'reopen' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('damage' as const),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      keep: fc.nat({ max: 200 }),
    }),
  },
);

/** Every backup file in `dir` with its bytes. */
function backups(dir: string, marker: string): Buffer[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.includes(marker))
    .map((name) => fs.readFileSync(path.join(dir, name)));
}

describe('stores, generated interleavings', () => {
  it(
    'settings: acknowledged values survive restarts; damaged files are kept aside with a notice',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-fuzz-settings-'));
          const file = path.join(dir, 'settings.json');
          const notices: CorruptStoreBackup[] = [];
          const open = () =>
            new SettingsService(confStoreFactory(dir, (backup) => notices.push(backup)));
          let service = open();
          let acknowledged = service.get().fontSize;
          const damaged: Buffer[] = [];
          try {
            for (const step of ops) {
              if (step.kind === 'write') {
                service.update({ fontSize: step.fontSize });
                acknowledged = step.fontSize;
              } else if (step.kind === 'reopen') {
                service = open();
                expect(service.get().fontSize).toBe(acknowledged);
              } else {
                // Damage on disk: a torn write or foreign bytes. Valid JSON by chance is not damage.
                const current = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
                const bytes = Buffer.concat([
                  current.subarray(0, step.keep),
                  Buffer.from(step.bytes),
                ]);
                fs.writeFileSync(file, bytes);
                let isJsonObject = false;
                try {
                  const parsed: unknown = JSON.parse(bytes.toString('utf8'));
                  isJsonObject =
                    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
                } catch {
                  isJsonObject = false;
                }
                if (isJsonObject) {
                  fs.writeFileSync(file, current);
                  continue;
                }
                const before = notices.length;
                service = open();
                damaged.push(bytes);
                expect(notices.length).toBe(before + 1);
                acknowledged = service.get().fontSize;
              }
            }
            // Nothing damaged was lost: every damaged version is kept, byte for byte.
            const kept = backups(dir, '.corrupt-');
            for (const bytes of damaged) expect(kept.some((b) => b.equals(bytes))).toBe(true);
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        }),
        fuzzParams(0.5),
      );
    },
  );

  it(
    'volume history: appended entries survive a restart; a damaged file is kept aside',
    { timeout: 120_000 },
    () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.nat({ max: 5 }),
              fc.constant(-1),
              fc.uint8Array({ minLength: 1, maxLength: 40 }),
            ),
            { minLength: 1, maxLength: 15 },
          ),
          (ops) => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-fuzz-lineage-'));
            const file = path.join(dir, 'volume-history.json');
            const notices: string[] = [];
            const open = () => {
              const store = new LineageStore({
                file,
                log: silentLogger,
                writeDelayMs: 0,
                onNotice: (m) => notices.push(m),
              });
              store.load();
              return store;
            };
            let store = open();
            let expected = 0;
            let seq = 0;
            const damaged: Buffer[] = [];
            try {
              for (const step of ops) {
                if (typeof step === 'number' && step >= 0) {
                  const entries = Array.from({ length: step + 1 }, () => ({
                    seq: ++seq,
                    at: 1_700_000_000_000 + seq,
                    itemId: `volume:v${seq % 3}`,
                    type: 'event' as const,
                    action: 'volume create',
                  }));
                  store.append(entries);
                  store.flush();
                  expected += entries.length;
                } else if (step === -1) {
                  store.close();
                  store = open();
                  expect(store.query(undefined, 100_000)).toHaveLength(expected);
                } else {
                  const bytes = Buffer.from(step as Uint8Array);
                  store.close();
                  fs.writeFileSync(file, bytes);
                  damaged.push(bytes);
                  const before = notices.length;
                  store = open();
                  let valid = false;
                  try {
                    JSON.parse(bytes.toString('utf8'));
                    valid = true;
                  } catch {
                    valid = false;
                  }
                  if (!valid) expect(notices.length).toBe(before + 1);
                  expected = store.query(undefined, 100_000).length;
                }
              }
              const kept = backups(dir, '.corrupt-');
              for (const bytes of damaged) {
                let valid = true;
                try {
                  JSON.parse(bytes.toString('utf8'));
                } catch {
                  valid = false;
                }
                if (!valid) expect(kept.some((b) => b.equals(bytes))).toBe(true);
              }
            } finally {
              store.close();
              fs.rmSync(dir, { recursive: true, force: true });
            }
          },
        ),
        fuzzParams(0.5),
      );
    },
  );
});
