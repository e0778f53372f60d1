import fs from 'node:fs';
import path from 'node:path';
import { keepDamagedFileAside } from '../files/keep-aside';
import { lineageEntrySchema, type LineageEntry } from '../../contract/volumes';
import type { Logger } from '../logging/logger';
import type { ModelMemory } from './storage-model';

/** What the store file holds. */
interface StoredLineage {
  version: 1;
  entries: LineageEntry[];
  memory: ModelMemory;
}

export interface LineageStoreOptions {
  file: string;
  log: Logger;
  /** Entries kept; the oldest go first. */
  maxEntries?: number;
  /** Writes are collected for this long, then written at once. */
  writeDelayMs?: number;
  /** Told when a damaged file had to be set aside. */
  onNotice?: (message: string) => void;
}

/**
 * The history of every storage item, kept for the session in memory and on disk as one JSON
 * file, bounded to the last `maxEntries` lines, written atomically (temp file + rename). A
 * damaged file is kept beside as `.corrupt-<time>` and the store starts empty: nothing is lost.
 */
export class LineageStore {
  private entries: LineageEntry[] = [];
  private memory: ModelMemory = { owners: {}, everUsed: [] };
  private timer: NodeJS.Timeout | null = null;
  private readonly maxEntries: number;
  private readonly writeDelayMs: number;

  constructor(private readonly options: LineageStoreOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.writeDelayMs = options.writeDelayMs ?? 500;
  }

  /** Reads the file; a missing file is an empty history. */
  load(): { entries: LineageEntry[]; memory: ModelMemory } {
    let text: string;
    try {
      text = fs.readFileSync(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.options.log.warn('cannot read the volume history', { error: String(error) });
      return { entries: this.entries, memory: this.memory };
    }
    try {
      const parsed = JSON.parse(text) as Partial<StoredLineage>;
      if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('unknown format');
      this.entries = parsed.entries
        .filter((e) => lineageEntrySchema.safeParse(e).success)
        .slice(-this.maxEntries);
      const memory = parsed.memory;
      this.memory = {
        owners: memory && typeof memory.owners === 'object' && memory.owners ? memory.owners : {},
        everUsed: Array.isArray(memory?.everUsed)
          ? memory.everUsed.filter((n): n is string => typeof n === 'string')
          : [],
      };
    } catch (error) {
      let aside = `${this.options.file} (not moved)`;
      try {
        aside = keepDamagedFileAside(this.options.file, { move: true });
      } catch {
        // If it cannot be moved, it is at least not overwritten until the next write.
      }
      const message = `The volume history file was damaged (${error instanceof Error ? error.message : String(error)}); it was kept as ${path.basename(aside)} and a new history was started.`;
      this.options.log.warn(message);
      this.options.onNotice?.(message);
    }
    return { entries: this.entries, memory: this.memory };
  }

  /** The highest sequence number stored, 0 if none. */
  lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0;
  }

  /** Adds entries (and the latest memory) and schedules a write. */
  append(entries: LineageEntry[], memory?: ModelMemory): void {
    if (memory) this.memory = memory;
    if (!entries.length && !memory) return;
    this.entries.push(...entries);
    if (this.entries.length > this.maxEntries)
      this.entries.splice(0, this.entries.length - this.maxEntries);
    this.schedule();
  }

  /** History of one item (or all), oldest first, at most `limit` of the newest. */
  query(itemId?: string, limit = 1000): LineageEntry[] {
    const matching = itemId ? this.entries.filter((e) => e.itemId === itemId) : this.entries;
    return matching.slice(-limit);
  }

  get size(): number {
    return this.entries.length;
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.writeDelayMs);
  }

  /** Writes now (atomically). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const data: StoredLineage = { version: 1, entries: this.entries, memory: this.memory };
    const tmp = `${this.options.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.options.file), { recursive: true });
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, JSON.stringify(data));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.options.file);
    } catch (error) {
      this.options.log.error('cannot write the volume history', {
        file: this.options.file,
        error: String(error),
      });
      fs.rmSync(tmp, { force: true });
    }
  }

  /** Writes what is pending and stops the timer. */
  close(): void {
    if (this.timer) this.flush();
  }
}
