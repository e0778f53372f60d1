import fs from 'node:fs';
import type { Disposer } from '../../contract';
import type {
  LineageEntry,
  RawEvent,
  StorageDelta,
  StorageItem,
  StorageSnapshot,
} from '../../contract/volumes';
import type { DockerConnection } from '../docker/docker-connection';
import type { DockerEvent } from '../docker/docker-event';
import { asDockerEvent, engineCapabilities } from '../docker/engine-capabilities';
import { EngineGapReconciler } from '../docker/engine-gap-reconciler';
import type { Logger } from '../logging/logger';
import { inspectContainer, inspectVolume, listAll, mapLimit, volumeSizes } from './docker-reader';
import { EventLog } from './event-log';
import type { LineageStore } from './lineage-store';
import { StorageModel } from './storage-model';

/** The parts of the Docker connection the tracker uses. */
export type TrackerConnection = Pick<
  DockerConnection,
  'onEvent' | 'onConnected' | 'onStatus' | 'requireClient' | 'status'
>;

export interface VolumeTrackerOptions {
  connection: TrackerConnection;
  store: LineageStore;
  log: Logger;
  /** Receives every batch of changes (wired to the `volumes.delta` contract event). */
  publishDelta: (delta: StorageDelta) => void;
  /** Quiet time after an event before re-inspecting. */
  debounceMs?: number;
  /** Longest an event waits in a busy stream. */
  maxWaitMs?: number;
  /** More dirty objects than this in one batch are read by one listing instead. */
  listThreshold?: number;
  /** Quiet time after a burst before the settling listing. */
  settleMs?: number;
  hostPathExists?: (hostPath: string) => boolean;
  now?: () => number;
  /** Revision to count on from (a tracker that replaces another's, after an engine switch). */
  firstRevision?: number;
}

/**
 * Follows Docker's storage live: events mark containers and volumes dirty; after a short
 * quiet time they are re-inspected in one batch (or listed, for big bursts), the model derives
 * states and history, and one delta goes out per batch. Docker keeps only 256 events and a prune
 * names nothing, so the tracker also reconciles by listing at start, after every reconnect and
 * after a prune: the final state always equals `docker volume ls` and `docker ps -a`.
 */
export class VolumeTracker {
  private readonly model: StorageModel;
  private readonly eventLog: EventLog;
  private readonly disposers: Disposer[] = [];
  private readonly dirtyContainers = new Set<string>();
  private readonly dirtyVolumes = new Set<string>();
  private needsListing = false;
  private timer: NodeJS.Timeout | null = null;
  private firstDirtyAt = 0;
  private running: Promise<void> | null = null;
  private revision = 0;
  private reconciledAt = 0;
  private pendingEvents: RawEvent[] = [];
  private eventTimer: NodeJS.Timeout | null = null;
  private lastStale: boolean;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly listThreshold: number;
  private readonly settleMs: number;
  private readonly now: () => number;
  /** Lists every 2 s on engines that do not report volume mounts (Podman). */
  private readonly gaps: EngineGapReconciler;

  constructor(private readonly options: VolumeTrackerOptions) {
    this.now = options.now ?? Date.now;
    this.revision = options.firstRevision ?? 0;
    this.debounceMs = options.debounceMs ?? 8;
    this.maxWaitMs = options.maxWaitMs ?? 40;
    this.listThreshold = options.listThreshold ?? 40;
    this.settleMs = options.settleMs ?? 750;
    const loaded = options.store.load();
    this.model = new StorageModel({
      now: this.now,
      memory: loaded.memory,
      hostPathExists: options.hostPathExists ?? ((p) => fs.existsSync(p)),
    });
    this.model.setNextSeq(options.store.lastSeq());
    this.eventLog = new EventLog(5000, this.now);
    this.lastStale = options.connection.status.state !== 'connected';
    const relist = () => {
      this.needsListing = true;
      this.schedule(0);
    };
    this.gaps = new EngineGapReconciler(options.connection, 'volumes', relist, () => this.publish({ upserts: [], dropped: [], lineage: [] }));
  }

  /** Subscribes to the connection; reconciles now if it is already connected. */
  start(): void {
    const { connection } = this.options;
    this.disposers.push(
      connection.onEvent((event) => this.onEvent(event)),
      connection.onConnected(({ reconnect }) => {
        if (reconnect) this.eventLog.markReconnected();
        this.needsListing = true;
        this.schedule(0, reconnect);
      }),
      connection.onStatus((status) => {
        const stale = status.state !== 'connected';
        if (stale !== this.lastStale) {
          this.lastStale = stale;
          this.publish({ upserts: [], dropped: [], lineage: [] });
        }
      }),
    );
    this.disposers.push(this.gaps.start());
    if (connection.status.state === 'connected') {
      this.needsListing = true;
      this.schedule(0);
    }
  }

  /** Stops following and writes pending history. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.retryTimer = null;
    this.settleTimer = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.eventTimer) clearTimeout(this.eventTimer);
    this.timer = null;
    this.eventTimer = null;
    await this.running?.catch(() => {});
    this.options.store.close();
  }

  snapshot(): StorageSnapshot {
    return {
      revision: this.revision,
      items: this.model.list(),
      stale: this.options.connection.status.state !== 'connected',
      reconciledAt: this.reconciledAt,
      missedWhileDisconnected: this.eventLog.missedWhileDisconnected,
      ...(this.gaps.notice ? { refreshNotice: this.gaps.notice } : {}),
    };
  }

  lineage(itemId?: string, limit?: number): LineageEntry[] {
    return this.options.store.query(itemId, limit);
  }

  events(limit?: number): { events: RawEvent[]; missedWhileDisconnected: number } {
    return {
      events: this.eventLog.recent(limit),
      missedWhileDisconnected: this.eventLog.missedWhileDisconnected,
    };
  }

  item(id: string): StorageItem | undefined {
    return this.model.get(id);
  }

  /** The name of the container that created an anonymous volume, if known. */
  createdBy(volumeName: string): string | undefined {
    return this.model.get(`volume:${volumeName}`)?.createdBy?.containerName;
  }

  /** Lists everything now and resolves when the model matches Docker. */
  async reconcile(): Promise<void> {
    this.needsListing = true;
    await this.flushNow();
  }

  /** Resolves when every event seen so far has been applied. */
  async whenIdle(): Promise<void> {
    while (this.timer || this.running) {
      if (this.timer) await this.flushNow();
      else await this.running;
    }
  }

  /** Asks the disk-usage API for volume sizes and publishes them. */
  async refreshSizes(): Promise<Record<string, number>> {
    const sizes = await volumeSizes(this.options.connection.requireClient());
    const upserts = this.model.applySizes(sizes);
    if (upserts.length) this.publish({ upserts, dropped: [], lineage: [] });
    return sizes;
  }

  private onEvent(sent: DockerEvent): void {
    const raw = this.eventLog.add(sent);
    this.pendingEvents.push(raw);
    // Read as Docker sends it (Podman's `remove` is `destroy`; its volume events carry the name only).
    const event = asDockerEvent(engineCapabilities(this.options.connection.status.engine), sent);
    if (event.Type === 'volume' || event.Type === 'container') {
      this.model.recordEvent(event);
      if (event.Action === 'prune') this.needsListing = true;
      else if (event.Type === 'container') this.dirtyContainers.add(event.Actor.ID);
      else {
        if (event.Actor.ID) this.dirtyVolumes.add(event.Actor.ID);
        const container = event.Actor.Attributes.container;
        if (container) this.dirtyContainers.add(container);
      }
      this.schedule(this.debounceMs);
    } else if (!this.eventTimer) {
      // Other events only feed the events panel; send them in small batches.
      this.eventTimer = setTimeout(() => {
        this.eventTimer = null;
        if (this.pendingEvents.length) this.publish({ upserts: [], dropped: [], lineage: [] });
      }, 50);
    }
  }

  private schedule(delayMs: number, countMissed = false): void {
    if (countMissed) this.countMissedNext = true;
    const now = this.now();
    if (!this.timer) this.firstDirtyAt = now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(delayMs, this.firstDirtyAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flushNow();
    }, wait);
  }

  private countMissedNext = false;
  private settleTimer: NodeJS.Timeout | null = null;

  private scheduleSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      if (this.stopped) return;
      this.needsListing = true;
      this.schedule(0);
    }, this.settleMs);
  }
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  private async flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    if (
      !this.needsListing &&
      !this.dirtyContainers.size &&
      !this.dirtyVolumes.size &&
      !this.pendingEvents.length
    )
      return;
    this.running = this.apply().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async apply(): Promise<void> {
    const containers = [...this.dirtyContainers];
    const volumes = [...this.dirtyVolumes];
    const listing = this.needsListing || containers.length + volumes.length > this.listThreshold;
    const countMissed = this.countMissedNext;
    this.dirtyContainers.clear();
    this.dirtyVolumes.clear();
    this.needsListing = false;
    this.countMissedNext = false;
    try {
      const docker = this.options.connection.requireClient();
      if (listing) {
        const all = await listAll(docker, (id) => this.model.container(id));
        this.model.replaceAll(all.volumes, all.containers);
      } else {
        const inspected = await mapLimit(containers, 8, (id) => inspectContainer(docker, id));
        const wanted = new Set(volumes);
        inspected.forEach((facts, i) => {
          if (facts) {
            this.model.setContainer(facts);
            for (const m of facts.mounts)
              if (m.type === 'volume' && m.name && !this.model.hasVolume(m.name))
                wanted.add(m.name);
          } else this.model.removeContainer(containers[i]!);
        });
        const names = [...wanted];
        const volumeFacts = await mapLimit(names, 8, (name) => inspectVolume(docker, name));
        volumeFacts.forEach((facts, i) =>
          facts ? this.model.setVolume(facts) : this.model.removeVolume(names[i]!),
        );
      }
      const changes = this.model.commit({ reconciled: listing });
      // After a burst, list once more when things are quiet: whatever the stream missed, the
      // model still ends equal to `docker volume ls` and `docker ps -a`.
      if (listing && !this.needsListing && containers.length + volumes.length > this.listThreshold) this.scheduleSettle();
      if (listing) this.reconciledAt = this.now();
      if (countMissed) {
        // Changes found only by listing; those a replayed event already explains count once.
        const replayed = this.eventLog.replayedActors;
        const changed = new Set(
          changes.lineage.filter((e) => e.type === 'state').map((e) => e.itemId),
        );
        const unexplained = changes.upserts.filter(
          (item) =>
            changed.has(item.id) &&
            !replayed.has(item.name) &&
            !item.uses.some((u) => replayed.has(u.containerId)) &&
            !replayed.has(item.createdBy?.containerId ?? ''),
        );
        this.eventLog.addMissed(unexplained.length);
      }
      this.publish(changes);
    } catch (error) {
      // Docker went away mid-batch: keep the marks; the reconnect lists everything anyway.
      for (const id of containers) this.dirtyContainers.add(id);
      for (const name of volumes) this.dirtyVolumes.add(name);
      if (listing) this.needsListing = true;
      this.options.log.warn('could not refresh storage', {
        error: error instanceof Error ? error.message : String(error),
      });
      // Raw events still reach the panel; history waits for the facts that name its containers.
      if (this.pendingEvents.length) this.publish({ upserts: [], dropped: [], lineage: [] });
      // A busy daemon can time out; try again soon. A lost connection reconciles on reconnect.
      if (this.options.connection.status.state === 'connected' && !this.stopped) {
        this.retryTimer ??= setTimeout(() => {
          this.retryTimer = null;
          this.schedule(0);
        }, 300);
      }
    }
  }

  private publish(changes: {
    upserts: StorageItem[];
    dropped: string[];
    lineage: LineageEntry[];
  }): void {
    const events = this.pendingEvents.splice(0);
    if (this.eventTimer) clearTimeout(this.eventTimer);
    this.eventTimer = null;
    this.options.store.append(
      changes.lineage,
      changes.lineage.length ? this.model.memory() : undefined,
    );
    const fromRevision = this.revision;
    this.revision++;
    this.options.publishDelta({
      fromRevision,
      revision: this.revision,
      upserts: changes.upserts,
      dropped: changes.dropped,
      lineage: changes.lineage,
      events,
      stale: this.options.connection.status.state !== 'connected',
      reconciledAt: this.reconciledAt,
      missedWhileDisconnected: this.eventLog.missedWhileDisconnected,
      ...(this.gaps.notice ? { refreshNotice: this.gaps.notice } : {}),
    });
  }
}
