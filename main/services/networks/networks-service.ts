import path from 'node:path';
import { RpcFailure } from '../../contract/errors';
import type {
  HostSide,
  NetworkLineageEntry,
  NetworkSnapshot,
  ReachResult,
} from '../../contract/networks';
import type { Logger } from '../logging/logger';
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
}

/** The live network feature: tracker (model + story), who-can-reach-whom and the host side. */
export class NetworksService {
  readonly tracker: NetworkTracker;

  constructor(private readonly options: NetworksServiceOptions) {
    const store = new NetworkLineageStore({
      file: path.join(options.userDataDir, 'network-lineage.json'),
      log: options.log.child('lineage'),
      ...(options.onNotice ? { onNotice: options.onNotice } : {}),
    });
    this.tracker = new NetworkTracker({
      connection: options.connection,
      store,
      log: options.log,
      onChanged: options.onChanged,
    });
  }

  start(): void {
    this.tracker.start();
  }

  async stop(): Promise<void> {
    await this.tracker.stop();
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
