import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger';
import { keepDamagedFileAside } from './keep-aside';

/** What a history file holds on disk (format version 1, shared by the volume and network stores). */
interface StoredHistory<Entry, Memory> {
  version: 1;
  entries: Entry[];
  memory: Memory;
}

/** Options every history store takes from its caller. */
export interface HistoryStoreOptions {
  file: string;
  log: Logger;
  /** Entries kept; the oldest go first. */
  maxEntries?: number;
  /** Writes are collected for this long, then written at once. */
  writeDelayMs?: number;
  /** Told when a damaged file had to be set aside. */
  onNotice?: (message: string) => void;
}

/** What makes one kind of history: its name in messages, how to check entries and read memory. */
export interface HistoryKind<Entry, Memory> {
  /** `volume`, `network`: used in log lines and the damaged-file notice. */
  subject: string;
  isEntry: (value: unknown) => value is Entry;
  /** The memory from a parsed file (anything: it may be damaged or old); never throws. */
  readMemory: (value: unknown) => Memory;
  emptyMemory: () => Memory;
}

/**
 * A bounded history of entries plus the model's memory, kept in memory and on disk as one JSON
 * file, written atomically (temp file, fsync, rename) after a short delay. A damaged file is kept
 * beside as `.corrupt-<time>` (never over an earlier backup) and the store starts empty.
 */
export class JsonHistoryStore<Entry extends { seq: number }, Memory> {
  private entries: Entry[] = [];
  private memory: Memory;
  private timer: NodeJS.Timeout | null = null;
  private readonly maxEntries: number;
  private readonly writeDelayMs: number;

  constructor(
    protected readonly options: HistoryStoreOptions,
    private readonly kind: HistoryKind<Entry, Memory>,
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.writeDelayMs = options.writeDelayMs ?? 500;
    this.memory = kind.emptyMemory();
  }

  /** Reads the file; a missing file is an empty history. */
  load(): { entries: Entry[]; memory: Memory } {
    let text: string;
    try {
      text = fs.readFileSync(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.options.log.warn(`cannot read the ${this.kind.subject} history`, {
          error: String(error),
        });
      return { entries: this.entries, memory: this.memory };
    }
    try {
      const parsed = JSON.parse(text) as Partial<StoredHistory<unknown, unknown>> | null;
      if (parsed?.version !== 1 || !Array.isArray(parsed.entries))
        throw new Error('unknown format');
      this.entries = parsed.entries.filter(this.kind.isEntry).slice(-this.maxEntries);
      this.memory = this.kind.readMemory(parsed.memory);
    } catch (error) {
      let aside = `${this.options.file} (not moved)`;
      try {
        aside = keepDamagedFileAside(this.options.file, { move: true });
      } catch {
        // If it cannot be moved, it is at least not overwritten until the next write.
      }
      const message = `The ${this.kind.subject} history file was damaged (${error instanceof Error ? error.message : String(error)}); it was kept as ${path.basename(aside)} and a new history was started.`;
      this.options.log.warn(message);
      this.options.onNotice?.(message);
    }
    return { entries: this.entries, memory: this.memory };
  }

  /** The highest sequence number stored, 0 if none. */
  lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0;
  }

  /** Adds entries (and the latest memory, when given) and schedules a write. */
  append(entries: Entry[], memory?: Memory): void {
    if (memory !== undefined) this.memory = memory;
    if (!entries.length && memory === undefined) return;
    this.entries.push(...entries);
    if (this.entries.length > this.maxEntries)
      this.entries.splice(0, this.entries.length - this.maxEntries);
    this.schedule();
  }

  /** Entries matching `filter` (all when absent), oldest first, at most `limit` of the newest. */
  select(filter?: (entry: Entry) => boolean, limit = 1000): Entry[] {
    return (filter ? this.entries.filter(filter) : this.entries).slice(-limit);
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
    const data: StoredHistory<Entry, Memory> = {
      version: 1,
      entries: this.entries,
      memory: this.memory,
    };
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
      this.options.log.error(`cannot write the ${this.kind.subject} history`, {
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
