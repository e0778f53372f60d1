import type { Disposer } from '../../contract';
import { defaultSettings, normalizeSettings, type Settings } from './settings-schema';
import type { KeyValueStore, StoreFactory } from './store-factory';

type Listener = (settings: Settings) => void;

/** Berth's settings, validated with zod, migrated on load, written through electron-store/conf. */
export class SettingsService {
  private readonly store: KeyValueStore<Settings>;
  private current: Settings;
  private readonly listeners = new Set<Listener>();
  /** Keys whose stored values were invalid and were reset to defaults on load. */
  readonly droppedOnLoad: string[];

  constructor(factory: StoreFactory) {
    this.store = factory<Settings>({ name: 'settings', defaults: defaultSettings });
    const { settings, dropped } = normalizeSettings(this.store.store);
    this.current = settings;
    this.droppedOnLoad = dropped;
    if (dropped.length || JSON.stringify(settings) !== JSON.stringify(this.store.store)) this.store.replace(settings);
  }

  get path(): string {
    return this.store.path;
  }

  get(): Settings {
    return this.current;
  }

  /** Applies a partial update; invalid values are rejected as a whole with a readable error. */
  update(patch: Partial<Settings>): Settings {
    const merged = { ...this.current, ...patch };
    const { settings, dropped } = normalizeSettings(merged);
    const rejected = dropped.filter((key) => key in patch);
    if (rejected.length) throw new Error(`Invalid setting${rejected.length > 1 ? 's' : ''}: ${rejected.join(', ')}`);
    this.current = settings;
    this.store.replace(settings);
    for (const listener of this.listeners) listener(settings);
    return settings;
  }

  /** Remembers a vault as the last one opened, at the top of the recent list. */
  rememberVault(vaultPath: string): Settings {
    const recentVaults = [vaultPath, ...this.current.recentVaults.filter((p) => p !== vaultPath)].slice(0, 10);
    return this.update({ lastVault: vaultPath, recentVaults });
  }

  onChange(listener: Listener): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
