import fs from 'node:fs';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { isIgnoredPath, toPosixPath } from './vault-paths';

/**
 * When a folder appears, it is listed again after these delays: chokidar reads a new folder, then
 * starts watching it, and a file written in between gets no event (chokidar issues #1112, #1471;
 * a folder of notes copied in, a checkout). The second listing covers a slow start of the watch.
 */
const NEW_FOLDER_RELIST_MS = [300, 2000];

/**
 * Watches a vault folder and reports changed vault-relative paths in small batches
 * (`settleMs` after the last event), so an editor's save burst becomes one update.
 */
export class VaultWatcher {
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly relists = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly root: string,
    private readonly onChange: (paths: string[]) => void,
    private readonly settleMs = 40,
    /** Whether the index already has this vault-relative file (a new folder's listing reports only the others). */
    private readonly isKnown: (relative: string) => boolean = () => false,
  ) {}

  /** Starts watching; resolves once the initial scan of the folder is done. */
  async start(): Promise<void> {
    const root = this.root;
    // Loaded on first use: chokidar is not needed before the app's address is printed.
    const { watch } = await import('chokidar');
    if (this.stopped) return;
    this.watcher = watch(root, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (absolute: string) => {
        const relative = path.relative(root, absolute);
        return relative !== '' && isIgnoredPath(relative);
      },
    });
    this.watcher.on('all', (event, absolute) => {
      const relative = toPosixPath(path.relative(root, absolute));
      if (!relative || relative.startsWith('..')) return;
      this.record(relative);
      if (event === 'addDir') this.folderAdded(relative);
    });
    this.watcher.on('error', () => {
      // A watch error (e.g. inotify limit) must not crash the app; queries still read the disk.
    });
    return new Promise((resolve) => this.watcher?.once('ready', () => resolve()));
  }

  private record(relative: string): void {
    this.pending.add(relative);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.settleMs);
  }

  /** A folder appeared: list it again shortly, and report the files the index does not know. */
  folderAdded(relative: string): void {
    for (const delay of NEW_FOLDER_RELIST_MS) {
      const timer = setTimeout(() => {
        this.relists.delete(timer);
        void this.relist(relative);
      }, delay);
      this.relists.add(timer);
    }
  }

  private async relist(folder: string): Promise<void> {
    if (this.stopped) return;
    const entries = await fs.promises
      .readdir(path.join(this.root, folder), { recursive: true, withFileTypes: true })
      .catch(() => []);
    for (const entry of entries) {
      if (this.stopped || !entry.isFile()) continue;
      const relative = toPosixPath(path.relative(this.root, path.join(entry.parentPath, entry.name)));
      if (!isIgnoredPath(relative) && !this.isKnown(relative)) this.record(relative);
    }
  }

  private flush(): void {
    this.timer = null;
    const paths = [...this.pending];
    this.pending.clear();
    if (paths.length) this.onChange(paths);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.relists) clearTimeout(timer);
    this.relists.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    await this.watcher?.close();
    this.watcher = null;
  }
}
