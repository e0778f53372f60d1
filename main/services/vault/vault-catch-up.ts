import fs from 'node:fs/promises';
import path from 'node:path';
import { mapLimit, walkVault } from './vault-walk';

/**
 * How long before the listing a modification time may be and still count: the kernel's coarse
 * clock lags by a tick; file systems that keep whole seconds (FAT, old HFS+) by up to two seconds.
 */
const slackFor = (mtimeMs: number) => (mtimeMs % 1000 === 0 ? 2000 : 20);

/** What the index knew when the vault was listed. */
export interface ListedVault {
  notes: ReadonlyMap<string, unknown>;
  attachments: ReadonlySet<string>;
  folders: ReadonlySet<string>;
}

/**
 * What changed on disk since the vault was listed at `since` (epoch ms), as vault-relative paths:
 * notes, attachments and folders that came or went, and notes modified after `since`. The watcher
 * starts once the index is complete (its first scan would compete with indexing); this closes the
 * gap between the listing and the watcher's first scan.
 */
export async function changedSince(root: string, known: ListedVault, since: number): Promise<string[]> {
  const listing = await walkVault(root);
  const changed = new Set<string>();
  const diff = (known: Iterable<string>, listed: readonly string[]) => {
    const before = new Set(known);
    const now = new Set(listed);
    for (const entry of before) if (!now.has(entry)) changed.add(entry);
    for (const entry of now) if (!before.has(entry)) changed.add(entry);
  };
  diff(known.notes.keys(), listing.notes);
  diff(known.attachments, listing.attachments);
  diff(known.folders, listing.folders);
  const kept = listing.notes.filter((note) => known.notes.has(note));
  await mapLimit(kept, 32, async (note) => {
    const stat = await fs.stat(path.join(root, note)).catch(() => null);
    if (stat && stat.mtimeMs >= since - slackFor(stat.mtimeMs)) changed.add(note);
  });
  return [...changed].sort();
}
