import { RpcFailure } from '../../contract/errors';
import type {
  HostSide,
  NetworkLineageEntry,
  NetworkSnapshot,
  ReachResult,
} from '../../contract/networks';
import type { Logger } from '../logging/logger';
import { engineScopedFile, type EngineScope } from '../docker/engine-scope';
import { readHostSide } from './host-side';
import { NetworkLineageStore } from './network-lineage-store';
import { isNotFound } from './network-reader';
import { NetworkTracker, type NetworkTrackerConnection } from './network-tracker';
import { reachabilityOf } from './reachability';

export interface NetworksServiceOptions {
  connection: NetworkTrackerConnection;
  /** Told after every change (wired to `networks.changed`). */
  onChanged: (revision: number) => void;
  log: Logger;
  /** The history file lives here. */
  userDataDir: string;
  onNotice?: (message: string) => void;
  /** Image of the host-side helper (defaults to the local busybox image). */
  helperImage?: () => string | undefined;
  /** The engine in use: each engine has its own model and history (switching starts a fresh tracker). */
  engine?: EngineScope;
}

/** The live network feature: tracker (model + story), who-can-reach-whom and the host side. */
export class NetworksService {
  private current: NetworkTracker;
  private switching: Promise<void> = Promise.resolve();
  private disposeEngine: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly options: NetworksServiceOptions) {
    this.current = this.createTracker(0);
  }

  /** The tracker of the engine in use now. */
  get tracker(): NetworkTracker {
    return this.current;
  }

  start(): void {
    this.current.start();
    this.disposeEngine = this.options.engine?.onChange(() => this.switchEngine()) ?? null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.disposeEngine?.();
    await this.switching;
    await this.current.stop();
  }

  private createTracker(firstRevision: number): NetworkTracker {
    const store = new NetworkLineageStore({
      file: engineScopedFile(this.options.userDataDir, 'network-lineage', '.json', this.options.engine),
      log: this.options.log.child('lineage'),
      ...(this.options.onNotice ? { onNotice: this.options.onNotice } : {}),
    });
    return new NetworkTracker({
      connection: this.options.connection,
      store,
      log: this.options.log,
      onChanged: this.options.onChanged,
      firstRevision,
    });
  }

  /** Another engine: the old tracker stops and a fresh one (empty until it lists) follows the new engine. */
  private switchEngine(): void {
    this.switching = this.switching.then(() => this.replaceTracker()).catch((error: unknown) => {
      this.options.log.warn('could not follow the engine switch', { error: error instanceof Error ? error.message : String(error) });
    });
  }

  private async replaceTracker(): Promise<void> {
    const old = this.current;
    await old.stop();
    if (this.stopped) return;
    const revision = old.snapshot().revision + 1;
    this.current = this.createTracker(revision);
    this.options.onChanged(revision);
    this.current.start();
  }

  snapshot(): NetworkSnapshot {
    return this.tracker.snapshot();
  }

  lineage(network?: string, limit?: number): { entries: NetworkLineageEntry[] } {
    return { entries: this.tracker.lineage(network, limit) };
  }

  reach(container: string): ReachResult {
    const result = reachabilityOf(this.tracker.snapshot().networks, container);
    if (!result)
      throw new RpcFailure(
        'not-found',
        `No network knows a container called ${container}; is it created?`,
      );
    return result;
  }

  hostSide(): Promise<HostSide> {
    const image = this.options.helperImage?.();
    return readHostSide(
      this.options.connection.requireClient(),
      this.tracker.snapshot().networks,
      ...(image ? [image] : []),
    );
  }

  async inspect(network: string): Promise<{ inspect: Record<string, unknown> }> {
    const docker = this.options.connection.requireClient();
    try {
      return {
        inspect: (await docker.getNetwork(network).inspect()) as unknown as Record<string, unknown>,
      };
    } catch (error) {
      if (isNotFound(error))
        throw new RpcFailure(
          'not-found',
          `There is no network called ${network} (it may have been removed).`,
        );
      throw error;
    }
  }
}
