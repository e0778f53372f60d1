import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { isIgnoredPath, toPosixPath } from './vault-paths';

/**
 * Watches a vault folder and reports changed vault-relative paths in small batches
 * (`settleMs` after the last event), so an editor's save burst becomes one update.
 */
export class VaultWatcher {
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly root: string,
    private readonly onChange: (paths: string[]) => void,
    private readonly settleMs = 40,
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
    const record = (absolute: string) => {
      const relative = toPosixPath(path.relative(root, absolute));
      if (!relative || relative.startsWith('..')) return;
      this.pending.add(relative);
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), this.settleMs);
    };
    this.watcher.on('all', (_event, absolute) => record(absolute));
    this.watcher.on('error', () => {
      // A watch error (e.g. inotify limit) must not crash the app; queries still read the disk.
    });
    return new Promise((resolve) => this.watcher?.once('ready', () => resolve()));
  }

  private flush(): void {
    this.timer = null;
    const paths = [...this.pending];
    this.pending.clear();
    if (paths.length) this.onChange(paths);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    await this.watcher?.close();
    this.watcher = null;
  }
}
