import { JsonHistoryStore, type HistoryStoreOptions } from '../files/json-history-store';
import { lineageEntrySchema, type LineageEntry } from '../../contract/volumes';
import type { ModelMemory } from './storage-model';

function readMemory(value: unknown): ModelMemory {
  const memory = (value ?? {}) as Partial<ModelMemory>;
  return {
    owners: memory.owners && typeof memory.owners === 'object' ? memory.owners : {},
    everUsed: Array.isArray(memory.everUsed)
      ? memory.everUsed.filter((n): n is string => typeof n === 'string')
      : [],
  };
}

/**
 * The history of every storage item, kept for the session in memory and on disk as one JSON
 * file (`JsonHistoryStore`), bounded to the last `maxEntries` lines. A damaged file is kept
 * beside as `.corrupt-<time>` and the store starts empty: nothing is lost.
 */
export class LineageStore extends JsonHistoryStore<LineageEntry, ModelMemory> {
  constructor(options: HistoryStoreOptions) {
    super(options, {
      subject: 'volume',
      isEntry: (e): e is LineageEntry => lineageEntrySchema.safeParse(e).success,
      readMemory,
      emptyMemory: () => ({ owners: {}, everUsed: [] }),
    });
  }

  /** History of one item (or all), oldest first, at most `limit` of the newest. */
  query(itemId?: string, limit = 1000): LineageEntry[] {
    return this.select(itemId ? (e) => e.itemId === itemId : undefined, limit);
  }
}
