import { RpcFailure, type Disposer, type Publish } from '../../contract';
import { savedEndpointSchema, type EngineChoice, type EngineList, type SavedEndpoint } from '../../contract/engines';
import type { Logger } from '../logging/logger';
import { listEngineChoices } from './engine-choices';
import type { EngineScope } from './engine-scope';
import { listeners } from './listener-set';
import { dockerConfigDir, resolveDockerEndpoint, type DockerEndpoint, type ResolveInput } from './resolve-endpoint';

/** The settings the engine choice lives in (SettingsService fits). */
export interface EngineSettings {
  get(): { engine: string; savedEndpoints: SavedEndpoint[]; dockerHost: string };
  update(patch: { engine?: string; savedEndpoints?: SavedEndpoint[] }): unknown;
}

export interface EngineServiceOptions {
  settings: EngineSettings;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
  publish: Publish;
  log: Logger;
  /** Moves the connection to what `resolveEndpoint()` names now; `sameEngine` when only the way there changed. */
  moveConnection: (sameEngine: boolean) => void;
  readFile?: ResolveInput['readFile'];
}

/** The choice id that means "follow the docker CLI" (no engine picked in Berth). */
export const AUTOMATIC = 'automatic';

/**
 * Which engine Berth talks to: lists the docker contexts, DOCKER_HOST, the Docker host setting
 * and Berth's saved endpoints; resolves the picked one like the docker CLI would; switches live
 * (scopes are told before the connection moves) and remembers the choice in the settings.
 */
export class EngineService implements EngineScope {
  private readonly changeListeners = listeners<string>();
  private currentKey: string;
  private readonly defaultKey: string;

  constructor(private readonly options: EngineServiceOptions) {
    this.defaultKey = this.keyOf(() => this.resolveAutomatic());
    this.currentKey = this.keyOf(() => this.resolveEndpoint());
  }

  key(): string {
    return this.currentKey;
  }

  isDefault(key = this.currentKey): boolean {
    return key === this.defaultKey;
  }

  onChange(listener: (key: string) => void): Disposer {
    return this.changeListeners.add(listener);
  }

  /** The endpoint of the picked engine, or the docker CLI's when nothing is picked. Throws a readable error. */
  resolveEndpoint(): DockerEndpoint {
    const picked = this.options.settings.get().engine;
    if (!picked) return this.resolveAutomatic();
    const choice = this.choices().find((c) => c.id === picked);
    if (!choice) {
      throw new Error(`The engine Berth was switched to ("${picked.replace(/^\w+:/, '')}") no longer exists. Pick another one in the status bar.`);
    }
    return this.resolveChoice(choice);
  }

  list(): EngineList {
    const choices = this.choices();
    const picked = this.options.settings.get().engine;
    return {
      choices,
      currentId: picked || this.automaticId(),
      pinned: Boolean(picked),
      engineKey: this.currentKey,
      defaultKey: this.defaultKey,
      configDir: dockerConfigDir(this.options.env, this.options.homeDir),
    };
  }

  /** Switches to a choice (or `automatic`), remembers it and moves the connection. */
  switchTo(id: string): EngineList {
    if (id !== AUTOMATIC) {
      const choice = this.choices().find((c) => c.id === id);
      if (!choice) throw new RpcFailure('not-found', `There is no engine "${id.replace(/^\w+:/, '')}" to switch to.`);
      if (choice.problem) throw new RpcFailure('invalid-params', `${choice.name} cannot be used: ${choice.problem}`);
      try {
        this.resolveChoice(choice);
      } catch (error) {
        throw new RpcFailure('invalid-params', error instanceof Error ? error.message : String(error));
      }
    }
    this.options.settings.update({ engine: id === AUTOMATIC ? '' : id });
    this.apply();
    return this.list();
  }

  /** Saves (or replaces by name) an endpoint in Berth's own list. */
  saveEndpoint(input: SavedEndpoint): EngineList {
    const parsed = savedEndpointSchema.safeParse(input);
    if (!parsed.success) throw new RpcFailure('invalid-params', parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
    const endpoint: SavedEndpoint = { name: parsed.data.name, url: parsed.data.url, ...(parsed.data.certDir ? { certDir: parsed.data.certDir } : {}) };
    const saved = this.options.settings.get().savedEndpoints;
    const exists = saved.some((s) => s.name === endpoint.name);
    const next = exists ? saved.map((s) => (s.name === endpoint.name ? endpoint : s)) : [...saved, endpoint];
    if (next.length > 50) throw new RpcFailure('invalid-params', 'Berth keeps at most 50 saved endpoints; remove one first.');
    this.options.settings.update({ savedEndpoints: next });
    if (this.options.settings.get().engine === `saved:${endpoint.name}`) this.apply();
    else this.announce();
    return this.list();
  }

  /** Removes a saved endpoint; when it was in use Berth goes back to following the docker CLI. */
  removeEndpoint(name: string): EngineList {
    const saved = this.options.settings.get().savedEndpoints;
    if (!saved.some((s) => s.name === name)) throw new RpcFailure('not-found', `There is no saved endpoint called "${name}".`);
    const inUse = this.options.settings.get().engine === `saved:${name}`;
    this.options.settings.update({ savedEndpoints: saved.filter((s) => s.name !== name), ...(inUse ? { engine: '' } : {}) });
    if (inUse) this.apply();
    else this.announce();
    return this.list();
  }

  /** The Docker host setting changed: a host typed there is meant to be used now. */
  dockerHostChanged(): void {
    if (this.options.settings.get().engine) this.options.settings.update({ engine: '' });
    this.apply();
  }

  private apply(): void {
    const key = this.keyOf(() => this.resolveEndpoint());
    const sameEngine = key === this.currentKey;
    this.currentKey = key;
    if (!sameEngine) {
      this.options.log.info('switching engine', { key });
      this.changeListeners.emit(key);
    }
    this.options.moveConnection(sameEngine);
    this.announce();
  }

  private announce(): void {
    const list = this.list();
    this.options.publish('engines.changed', { currentId: list.currentId, engineKey: list.engineKey, at: Date.now() });
  }

  private choices(): EngineChoice[] {
    const s = this.options.settings.get();
    return listEngineChoices({ env: this.options.env, platform: this.options.platform, homeDir: this.options.homeDir, dockerHostSetting: s.dockerHost, saved: s.savedEndpoints });
  }

  /** The choice the docker CLI rules (with the Docker host setting first) would use. */
  private automaticId(): string {
    try {
      const endpoint = this.resolveAutomatic();
      if (endpoint.source === 'settings') return 'setting:dockerHost';
      if (endpoint.source === 'DOCKER_HOST') return 'env:DOCKER_HOST';
      if (endpoint.source === 'context' && endpoint.context) return `context:${endpoint.context}`;
    } catch {
      // A broken context: the picker still shows the CLI's choice as current.
    }
    return 'context:default';
  }

  private resolveAutomatic(): DockerEndpoint {
    return this.resolve(this.options.env, this.options.settings.get().dockerHost || undefined);
  }

  private resolveChoice(choice: EngineChoice): DockerEndpoint {
    const env = this.options.env;
    switch (choice.kind) {
      case 'context':
        return this.resolve({ ...env, DOCKER_HOST: '', DOCKER_CONTEXT: choice.name });
      case 'DOCKER_HOST':
        return this.resolve(env);
      case 'setting':
        return this.resolve(env, choice.url);
      case 'saved':
        return this.resolve({ ...env, DOCKER_TLS_VERIFY: choice.certDir ? '1' : '', DOCKER_CERT_PATH: choice.certDir ?? '' }, choice.url);
    }
  }

  private resolve(env: NodeJS.ProcessEnv, override?: string): DockerEndpoint {
    return resolveDockerEndpoint({
      env,
      platform: this.options.platform,
      homeDir: this.options.homeDir,
      ...(override ? { override } : {}),
      ...(this.options.readFile ? { readFile: this.options.readFile } : {}),
    });
  }

  private keyOf(resolve: () => DockerEndpoint): string {
    try {
      return resolve().url;
    } catch {
      return `unresolved:${this.options.settings.get().engine || AUTOMATIC}`;
    }
  }
}
