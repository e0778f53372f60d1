import type { Disposer } from '../../contract';
import type { NetworkItem, NetworkLineageEntry, NetworkSnapshot } from '../../contract/networks';
import type { DockerConnection } from '../docker/docker-connection';
import type { DockerEvent } from '../docker/docker-event';
import { dockerEventAction, engineCapabilities } from '../docker/engine-capabilities';
import { EngineGapReconciler } from '../docker/engine-gap-reconciler';
import type { Logger } from '../logging/logger';
import type { NetworkLineageStore } from './network-lineage-store';
import { NetworkModel } from './network-model';
import { readNetworks } from './network-reader';
import type { ContainerNetFacts } from './network-facts';

/** The parts of the Docker connection the tracker uses. */
export type NetworkTrackerConnection = Pick<
  DockerConnection,
  'onEvent' | 'onConnected' | 'onStatus' | 'requireClient' | 'status'
>;

export interface NetworkTrackerOptions {
  connection: NetworkTrackerConnection;
  store: NetworkLineageStore;
  log: Logger;
  /** Told after every change of the model (wired to `networks.changed`). */
  onChanged: (revision: number) => void;
  /** Quiet time after an event before reading. */
  debounceMs?: number;
  /** Longest an event waits in a busy stream. */
  maxWaitMs?: number;
  now?: () => number;
  /** Revision to count on from (a tracker that replaces another's, after an engine switch). */
  firstRevision?: number;
}

/** Container events that change what a network shows. */
const CONTAINER_ACTIONS = new Set([
  'create',
  'start',
  'die',
  'destroy',
  'rename',
  'pause',
  'unpause',
]);

/**
 * Follows Docker's networks live: `network` events (create, connect, disconnect, destroy) and
 * container start/die mark the picture dirty; after a short quiet time (bounded in a busy
 * stream) one listing of networks and containers replaces it, so a burst costs one read and the
 * model always ends equal to `docker network ls` + inspect. Reconciles at start and after every
 * reconnect (changes found then are marked `reconciled`).
 */
export class NetworkTracker {
  private readonly model: NetworkModel;
  private readonly cache = new Map<string, { key: string; facts: ContainerNetFacts }>();
  private readonly disposers: Disposer[] = [];
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;
  private dirty = false;
  private reconcileNext = false;
  private running: Promise<void> | null = null;
  private revision = 0;
  private reconciledAt = 0;
  private stopped = false;
  private lastStale: boolean;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  /** Re-reads networks every 2 s on engines that send no network events (Podman). */
  private readonly gaps: EngineGapReconciler;

  constructor(private readonly options: NetworkTrackerOptions) {
    this.now = options.now ?? Date.now;
    this.revision = options.firstRevision ?? 0;
    this.debounceMs = options.debounceMs ?? 15;
    this.maxWaitMs = options.maxWaitMs ?? 60;
    const loaded = options.store.load();
    this.model = new NetworkModel({ now: this.now, memory: loaded.memory });
    this.model.setNextSeq(options.store.lastSeq());
    this.lastStale = options.connection.status.state !== 'connected';
    this.gaps = new EngineGapReconciler(options.connection, 'networks', () => this.markDirty(0, true), () => {
      this.revision++;
      this.options.onChanged(this.revision);
    });
  }

  start(): void {
    const { connection } = this.options;
    this.disposers.push(
      connection.onEvent((event) => this.onEvent(event)),
      connection.onConnected(() => this.markDirty(0, true)),
      connection.onStatus((status) => {
        const stale = status.state !== 'connected';
        if (stale !== this.lastStale) {
          this.lastStale = stale;
          this.revision++;
          this.options.onChanged(this.revision);
        }
      }),
    );
    this.disposers.push(this.gaps.start());
    if (connection.status.state === 'connected') this.markDirty(0, true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = null;
    this.retryTimer = null;
    await this.running?.catch(() => {});
    this.options.store.close();
  }

  snapshot(): NetworkSnapshot {
    return {
      revision: this.revision,
      networks: this.model.list(),
      stale: this.options.connection.status.state !== 'connected',
      reconciledAt: this.reconciledAt,
      ...(this.gaps.notice ? { refreshNotice: this.gaps.notice } : {}),
    };
  }

  find(ref: string): NetworkItem | undefined {
    return this.model.find(ref);
  }

  /** The story of one network (id, or name: every network that had it) or of all. */
  lineage(ref?: string, limit?: number): NetworkLineageEntry[] {
    if (!ref) return this.options.store.select(undefined, limit);
    const item = this.model.find(ref);
    const byId = item && item.id === ref;
    return this.options.store.select(
      (e) =>
        byId
          ? e.networkId === ref
          : e.networkName === ref || e.networkId === ref || e.networkId === item?.id,
      limit,
    );
  }

  /** Lists everything now and resolves when the model matches Docker. */
  async reconcile(): Promise<void> {
    this.dirty = true;
    this.reconcileNext = true;
    await this.flushNow();
  }

  /** Resolves when every event seen so far has been applied. */
  async whenIdle(): Promise<void> {
    while (!this.stopped && (this.timer || this.running || this.dirty)) {
      if (this.options.connection.status.state !== 'connected') return;
      if (this.timer || (this.dirty && !this.running)) await this.flushNow();
      else await this.running;
    }
  }

  private onEvent(event: DockerEvent): void {
    if (
      event.Type === 'network' ||
      (event.Type === 'container' &&
        CONTAINER_ACTIONS.has(dockerEventAction(engineCapabilities(this.options.connection.status.engine), 'container', event.Action)))
    )
      this.markDirty(this.debounceMs);
  }

  private markDirty(delayMs: number, reconcile = false): void {
    this.dirty = true;
    if (reconcile) this.reconcileNext = true;
    const now = this.now();
    if (!this.timer) this.firstDirtyAt = now;
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(delayMs, this.firstDirtyAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flushNow();
    }, wait);
  }

  private async flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    if (!this.dirty || this.stopped) return;
    this.running = this.apply().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async apply(): Promise<void> {
    const reconciled = this.reconcileNext;
    this.dirty = false;
    this.reconcileNext = false;
    try {
      const listing = await readNetworks(this.options.connection.requireClient(), this.cache);
      const { lineage, changed } = this.model.replaceAll(
        listing.networks,
        listing.containers,
        reconciled,
      );
      this.reconciledAt = this.now();
      if (lineage.length || changed) {
        this.options.store.append(lineage, this.model.memory());
        this.revision++;
        this.options.onChanged(this.revision);
      }
    } catch (error) {
      this.dirty = true;
      if (reconciled) this.reconcileNext = true;
      this.options.log.warn('could not read networks', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (this.options.connection.status.state === 'connected' && !this.stopped)
        this.retryTimer ??= setTimeout(() => {
          this.retryTimer = null;
          this.markDirty(0);
        }, 300);
    }
  }
}
