import { JsonHistoryStore, type HistoryStoreOptions } from '../files/json-history-store';
import {
  networkItemSchema,
  networkLineageEntrySchema,
  type NetworkLineageEntry,
} from '../../contract/networks';
import type { NetworkModelMemory } from './network-model';

function readMemory(value: unknown): NetworkModelMemory {
  const memory = (value ?? {}) as Partial<Record<keyof NetworkModelMemory, unknown>>;
  return {
    items: (Array.isArray(memory.items) ? memory.items : []).filter(
      (i) => networkItemSchema.safeParse(i).success,
    ) as NetworkModelMemory['items'],
    everUsed: (Array.isArray(memory.everUsed) ? memory.everUsed : []).filter(
      (n): n is string => typeof n === 'string',
    ),
  };
}

/**
 * The story of every network, in memory and on disk as one JSON file (`JsonHistoryStore`). It
 * also keeps the last picture of the networks, so after a restart the first listing tells only
 * what changed while Berth was away. A damaged file is set aside, not lost.
 */
export class NetworkLineageStore extends JsonHistoryStore<NetworkLineageEntry, NetworkModelMemory> {
  constructor(options: HistoryStoreOptions) {
    super(options, {
      subject: 'network',
      isEntry: (e): e is NetworkLineageEntry => networkLineageEntrySchema.safeParse(e).success,
      readMemory,
      emptyMemory: () => ({ items: [], everUsed: [] }),
    });
  }
}
