import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileKindOf, IGNORED_FOLDERS, toPosixPath } from './vault-paths';

/** Everything a vault folder holds that Berth cares about, as vault-relative posix paths. */
export interface VaultListing {
  notes: string[];
  attachments: string[];
  folders: string[];
}

/**
 * Lists a vault recursively, skipping `.obsidian`, `.git`, `node_modules`, `.trash` and
 * symbolic links (a link could lead out of the vault or into a loop).
 */
export async function walkVault(root: string): Promise<VaultListing> {
  const listing: VaultListing = { notes: [], attachments: [], folders: [] };
  const pending: string[] = [''];
  while (pending.length) {
    const batch = pending.splice(0, 16);
    await Promise.all(
      batch.map(async (relative) => {
        let entries: Dirent[];
        try {
          entries = await fs.readdir(path.join(root, relative), { withFileTypes: true });
        } catch {
          return; // A folder removed while walking, or unreadable: skip it.
        }
        for (const entry of entries) {
          const child = relative ? `${relative}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (IGNORED_FOLDERS.has(entry.name)) continue;
            listing.folders.push(toPosixPath(child));
            pending.push(child);
          } else if (entry.isFile()) {
            const kind = fileKindOf(entry.name);
            if (kind === 'note') listing.notes.push(toPosixPath(child));
            else if (kind === 'attachment') listing.attachments.push(toPosixPath(child));
          }
        }
      }),
    );
  }
  return listing;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
