import Conf from 'conf';
import type { ShardDocument, ShardStore, ShardStoreFactory } from './annotation-store';

/** The options electron-store and conf share for annotation shards; invalid files are never cleared. */
export const SHARD_STORE_OPTIONS = {
  clearInvalidConfig: false,
  accessPropertiesByDotNotation: false,
  watch: false,
} as const;

/** The shape of electron-store and conf instances, which share their engine. */
export interface ConfLikeStore {
  path: string;
  store: ShardDocument;
}

/** Wraps a conf or electron-store instance as a shard store. */
export function wrapConfStore(instance: ConfLikeStore): ShardStore {
  return {
    get path() {
      return instance.path;
    },
    get store() {
      return instance.store as unknown as Record<string, unknown>;
    },
    replace(value) {
      instance.store = value;
    },
  };
}

/** Shard stores on `conf` (electron-store's engine) for web mode, tests and the CLI. */
export const confShardFactory: ShardStoreFactory = ({ name, cwd, defaults }) =>
  wrapConfStore(new Conf<ShardDocument>({ ...SHARD_STORE_OPTIONS, cwd, configName: name, defaults }));
