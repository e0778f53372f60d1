import fs from 'node:fs';
import path from 'node:path';

/** `2026-11-29T04-31-02-123Z`: a timestamp safe in file names on every OS. */
export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Keeps a damaged store file as `<name>.corrupt-<time>[-N]<ext>` beside it, never overwriting an
 * earlier backup (two damaged files within one millisecond get -1, -2, …), and returns the
 * backup's path. `move` takes the file away (the store starts afresh); otherwise it is copied.
 */
export function keepDamagedFileAside(file: string, options: { move: boolean; now?: Date }): string {
  const ext = path.extname(file);
  const base = path.join(
    path.dirname(file),
    `${path.basename(file, ext)}.corrupt-${fileStamp(options.now ?? new Date())}`,
  );
  for (let n = 0; ; n++) {
    const backup = `${base}${n ? `-${n}` : ''}${ext}`;
    try {
      if (options.move) {
        fs.linkSync(file, backup); // fails with EEXIST instead of replacing an earlier backup
        fs.unlinkSync(file);
      } else {
        fs.copyFileSync(file, backup, fs.constants.COPYFILE_EXCL);
      }
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 1000) throw error;
    }
  }
}
