import fs from 'node:fs';
import path from 'node:path';
import { keepDamagedFileAside } from '../files/keep-aside';
import {
  networkItemSchema,
  networkLineageEntrySchema,
  type NetworkLineageEntry,
} from '../../contract/networks';
import type { Logger } from '../logging/logger';
import type { NetworkModelMemory } from './network-model';

interface StoredNetworkLineage {
  version: 1;
  entries: NetworkLineageEntry[];
  memory: NetworkModelMemory;
}

export interface NetworkLineageStoreOptions {
  file: string;
  log: Logger;
  maxEntries?: number;
  writeDelayMs?: number;
  /** Told when a damaged file had to be set aside. */
  onNotice?: (message: string) => void;
}

/**
 * The story of every network, in memory and on disk as one JSON file (bounded, written
 * atomically). It also keeps the last picture of the networks, so after a restart the first
 * listing tells only what changed while Berth was away. A damaged file is set aside, not lost.
 */
export class NetworkLineageStore {
  private entries: NetworkLineageEntry[] = [];
  private memory: NetworkModelMemory = { items: [], everUsed: [] };
  private timer: NodeJS.Timeout | null = null;
  private readonly maxEntries: number;
  private readonly writeDelayMs: number;

  constructor(private readonly options: NetworkLineageStoreOptions) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.writeDelayMs = options.writeDelayMs ?? 500;
  }

  /** Reads the file; a missing file is an empty story. */
  load(): { entries: NetworkLineageEntry[]; memory: NetworkModelMemory } {
    let text: string;
    try {
      text = fs.readFileSync(this.options.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.options.log.warn('cannot read the network history', { error: String(error) });
      return { entries: this.entries, memory: this.memory };
    }
    try {
      const parsed = JSON.parse(text) as Partial<StoredNetworkLineage>;
      if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('unknown format');
      this.entries = parsed.entries
        .filter((e) => networkLineageEntrySchema.safeParse(e).success)
        .slice(-this.maxEntries);
      this.memory = {
        items: (Array.isArray(parsed.memory?.items) ? parsed.memory.items : []).filter(
          (i) => networkItemSchema.safeParse(i).success,
        ),
        everUsed: (Array.isArray(parsed.memory?.everUsed) ? parsed.memory.everUsed : []).filter(
          (n): n is string => typeof n === 'string',
        ),
      };
    } catch (error) {
      let aside = `${this.options.file} (not moved)`;
      try {
        aside = keepDamagedFileAside(this.options.file, { move: true });
      } catch {
        // Not movable: at least it is not overwritten until the next write.
      }
      const message = `The network history file was damaged (${error instanceof Error ? error.message : String(error)}); it was kept as ${path.basename(aside)} and a new history was started.`;
      this.options.log.warn(message);
      this.options.onNotice?.(message);
    }
    return { entries: this.entries, memory: this.memory };
  }

  lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0;
  }

  /** Adds entries and the latest picture, and schedules a write. */
  append(entries: NetworkLineageEntry[], memory: NetworkModelMemory): void {
    this.memory = memory;
    this.entries.push(...entries);
    if (this.entries.length > this.maxEntries)
      this.entries.splice(0, this.entries.length - this.maxEntries);
    this.schedule();
  }

  /** Entries matching `filter` (all when absent), oldest first, at most `limit` of the newest. */
  query(filter?: (entry: NetworkLineageEntry) => boolean, limit = 1000): NetworkLineageEntry[] {
    return (filter ? this.entries.filter(filter) : this.entries).slice(-limit);
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.writeDelayMs);
  }

  /** Writes now (temp file + rename). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const data: StoredNetworkLineage = { version: 1, entries: this.entries, memory: this.memory };
    const tmp = `${this.options.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.options.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.options.file);
    } catch (error) {
      this.options.log.error('cannot write the network history', {
        file: this.options.file,
        error: String(error),
      });
      fs.rmSync(tmp, { force: true });
    }
  }

  close(): void {
    if (this.timer) this.flush();
  }
}
