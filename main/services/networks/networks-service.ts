import { RpcFailure } from '../../contract/errors';
import type {
  HostSide,
  NetworkLineageEntry,
  NetworkSnapshot,
  ReachResult,
} from '../../contract/networks';
import type { Logger } from '../logging/logger';
import { engineScopedFile, PerEngine, type EngineScope } from '../docker/engine-scope';
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
  private readonly trackers: PerEngine<NetworkTracker>;

  constructor(private readonly options: NetworksServiceOptions) {
    this.trackers = new PerEngine(options.engine, (previous) => this.createTracker(previous), (error) =>
      options.log.warn('could not follow the engine switch', { error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** The tracker of the engine in use now. */
  get tracker(): NetworkTracker {
    return this.trackers.current;
  }

  start(): void {
    this.trackers.start();
  }

  async stop(): Promise<void> {
    await this.trackers.stop();
  }

  /** A tracker for the engine in use; after a switch it starts empty and the views re-query. */
  private createTracker(previous: NetworkTracker | undefined): NetworkTracker {
    const revision = previous ? previous.snapshot().revision + 1 : 0;
    const store = new NetworkLineageStore({
      file: engineScopedFile(this.options.userDataDir, 'network-lineage', '.json', this.options.engine),
      log: this.options.log.child('lineage'),
      ...(this.options.onNotice ? { onNotice: this.options.onNotice } : {}),
    });
    const tracker = new NetworkTracker({
      connection: this.options.connection,
      store,
      log: this.options.log,
      onChanged: this.options.onChanged,
      firstRevision: revision,
    });
    if (previous) this.options.onChanged(revision);
    return tracker;
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
