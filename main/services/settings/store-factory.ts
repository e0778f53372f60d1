import fs from 'node:fs';
import path from 'node:path';
import { keepDamagedFileAside } from '../files/keep-aside';
import Conf from 'conf';

/** The part of electron-store / conf that Berth uses: one JSON document per store. */
export interface KeyValueStore<T extends Record<string, unknown>> {
  readonly path: string;
  /** The whole document. */
  readonly store: T;
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
  /** Replaces the whole document in one atomic write. */
  replace(value: T): void;
}

export interface StoreOptions<T extends Record<string, unknown>> {
  /** File name without `.json`. */
  name: string;
  /** Folder; defaults to the factory's folder. */
  cwd?: string;
  defaults: T;
}

/** Creates stores; Electron passes one on electron-store, web mode and tests one on conf. */
export type StoreFactory = <T extends Record<string, unknown>>(
  options: StoreOptions<T>,
) => KeyValueStore<T>;

/** The shape of electron-store and conf instances, which share their engine. */
export interface ConfLike<T extends Record<string, unknown>> {
  path: string;
  store: T;
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
}

/** Wraps a conf or electron-store instance in the KeyValueStore interface. */
export function wrapConf<T extends Record<string, unknown>>(conf: ConfLike<T>): KeyValueStore<T> {
  return {
    get path() {
      return conf.path;
    },
    get store() {
      return conf.store;
    },
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    replace: (value) => {
      conf.store = value;
    },
  };
}

/** A moved-aside copy of a store that could not be read. */
export interface CorruptStoreBackup {
  original: string;
  backup: string;
  reason: string;
}

/**
 * Moves an unreadable store file aside as `<name>.corrupt-<date>.json` so that nothing is lost,
 * and returns where it went.
 */
export function moveAsideCorruptStore(
  file: string,
  reason: string,
  now = new Date(),
): CorruptStoreBackup {
  return { original: file, backup: keepDamagedFileAside(file, { move: true, now }), reason };
}

/** A factory on `conf` (electron-store's engine) for web mode and tests; never clears invalid files. */
export function confStoreFactory(
  defaultCwd: string,
  onCorrupt?: (backup: CorruptStoreBackup) => void,
): StoreFactory {
  return <T extends Record<string, unknown>>(options: StoreOptions<T>) => {
    const cwd = options.cwd ?? defaultCwd;
    const open = () =>
      new Conf<T>({
        cwd,
        configName: options.name,
        defaults: options.defaults,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      });
    try {
      return wrapConf(open());
    } catch (error) {
      const file = path.join(cwd, `${options.name}.json`);
      if (!fs.existsSync(file)) throw error;
      const backup = moveAsideCorruptStore(
        file,
        error instanceof Error ? error.message : String(error),
      );
      onCorrupt?.(backup);
      return wrapConf(open());
    }
  };
}
