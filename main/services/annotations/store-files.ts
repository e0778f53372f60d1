import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keepDamagedFileAside } from '../files/keep-aside';

/** File names (without `.json`) of per-note shards: `note-` and 16 hex digits of the path's hash. */
export const SHARD_NAME_PATTERN = /^note-[0-9a-f]{16}$/;

/** The shard that holds the annotations of one note. */
export function shardNameFor(notePath: string): string {
  return `note-${createHash('sha256').update(notePath).digest('hex').slice(0, 16)}`;
}

/**
 * Folder of one vault's annotations under `baseDir`, keyed by the vault's real path so that a
 * vault opened through a symlink or a relative path shares its store.
 */
export function vaultStoreDir(baseDir: string, vaultPath: string): string {
  let real = path.resolve(vaultPath);
  try {
    real = fs.realpathSync(real);
  } catch {
    // A vault that does not exist (yet) is keyed by its absolute path.
  }
  const slug =
    path
      .basename(real)
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .slice(0, 40) || 'vault';
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 12);
  return path.join(baseDir, `${slug}-${hash}`);
}

/**
 * Keeps a copy of a damaged store file as `<name>.corrupt-<date>.json` next to it and returns
 * its path. With `move` the original is moved (it could not be opened at all); otherwise it
 * is copied, and the caller rewrites the original with what it could still read.
 */
export function backupDamagedFile(file: string, now: Date, move: boolean): string {
  return keepDamagedFileAside(file, { move, now });
}
