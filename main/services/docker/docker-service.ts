import type { Disposer, DockerStatus, NetworkSummary, Publish, VolumeList } from '../../contract';
import type { Logger } from '../logging/logger';
import { ChangeBatcher, scopesForEvent } from './change-batcher';
import { DockerConnection } from './docker-connection';
import type { DockerEndpoint } from './resolve-endpoint';
import { listNetworkSummaries } from './network-list';
import { listVolumesWithUsage } from './volume-list';

export interface DockerServiceOptions {
  resolveEndpoint: () => DockerEndpoint;
  publish: Publish;
  log: Logger;
  backoffMs?: number[];
  healthIntervalMs?: number;
  /** A request that takes longer than this counts as "not answering". */
  requestTimeoutMs?: number;
}

/**
 * Docker as the rest of Berth sees it: the connection, its state as contract events, and
 * "what changed" notices batched from the event stream. Queries stay the truth: listing
 * asks the daemon; while it is away, the last answer is served marked stale.
 */
export class DockerService {
  readonly connection: DockerConnection;
  private readonly batcher: ChangeBatcher;
  private readonly disposers: Disposer[] = [];
  private lastVolumes: VolumeList | null = null;

  constructor(private readonly options: DockerServiceOptions) {
    this.connection = new DockerConnection({
      resolveEndpoint: options.resolveEndpoint,
      log: options.log.child('connection'),
      ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
      ...(options.healthIntervalMs ? { healthIntervalMs: options.healthIntervalMs } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });
    this.batcher = new ChangeBatcher((scopes) => options.publish('docker.changed', { scopes, at: Date.now() }));
    this.disposers.push(
      this.connection.onStatus((status) => options.publish('docker.status', status)),
      this.connection.onEvent((event) => {
        const scopes = scopesForEvent(event.Type);
        if (scopes.length) this.batcher.add(...scopes);
      }),
      // After a (re)connect, everything may have changed while we were away.
      this.connection.onConnected(() => this.batcher.add('volumes', 'containers', 'images', 'networks')),
    );
  }

  start(): void {
    this.connection.start();
  }

  async stop(): Promise<void> {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.batcher.dispose();
    await this.connection.stop();
  }

  status(): DockerStatus {
    return this.connection.status;
  }

  reconnect(): DockerStatus {
    this.connection.reconnect();
    return this.connection.status;
  }

  /** Moves to another engine: its answers never mix with the last one's (no stale list from before). */
  switchEngine(): void {
    this.lastVolumes = null;
    this.connection.switchEndpoint();
    this.batcher.add('volumes', 'containers', 'images', 'networks');
  }

  async listVolumes(): Promise<VolumeList> {
    const client = this.connection.queryClient;
    if (!client) {
      if (this.lastVolumes) return { ...this.lastVolumes, stale: true };
      this.connection.requireClient();
    }
    try {
      const volumes = await listVolumesWithUsage(this.connection.requireClient());
      this.lastVolumes = { volumes, stale: false, fetchedAt: Date.now() };
      return this.lastVolumes;
    } catch (error) {
      if (this.lastVolumes) return { ...this.lastVolumes, stale: true };
      throw error;
    }
  }

  /** Every network with its containers (the resource browser's Networks list). */
  listNetworks(): Promise<NetworkSummary[]> {
    return listNetworkSummaries(this.connection.requireClient());
  }
}
