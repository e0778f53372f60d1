import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * A lock older than this is taken to belong to a process that died. Generous: the guarded section
 * is one small file, but a holder starved of CPU on a busy machine (seen at load 20+) lost its lock
 * to the other writer at 2 s and a change was lost.
 */
const STALE_MS = 10_000;

/**
 * Runs `work` while holding the cross-process lock of `file` (a `<file>.lock` folder made by
 * proper-lockfile; a lock left by a killed process is taken over once stale). Two Berth processes
 * (the app and the annotations CLI, or two windows after a crash) then never interleave a
 * read-modify-write of one shard. Synchronous, like the store: the section it guards is one small
 * file's read and atomic rewrite.
 */
export function withFileLockSync<T>(file: string, work: () => T, timeoutMs = 20_000): T {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let release: () => void;
  for (;;) {
    try {
      release = lockfile.lockSync(file, { realpath: false, stale: STALE_MS });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) {
        throw new Error(
          `Another Berth process has been writing ${path.basename(file)} for over ${timeoutMs / 1000} s; try again in a moment.`,
        );
      }
      Atomics.wait(sleepCell, 0, 0, 5 + Math.floor(Math.random() * 10));
    }
  }
  try {
    return work();
  } finally {
    try {
      release();
    } catch {
      // already released or taken over as stale: nothing left to undo
    }
  }
}
