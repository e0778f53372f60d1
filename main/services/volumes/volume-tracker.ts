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
import { volumeSizes } from './docker-reader';
import { DirtyMarks } from './dirty-marks';
import { EventLog } from './event-log';
import type { LineageStore } from './lineage-store';
import { refreshModel, unexplainedChanges } from './model-refresh';
import { StorageModel } from './storage-model';
import { TimerSlots } from './timer-slots';

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
  private readonly marks = new DirtyMarks();
  private readonly timers = new TimerSlots<'batch' | 'events' | 'settle' | 'retry'>();
  private firstDirtyAt = 0;
  private running: Promise<void> | null = null;
  private revision = 0;
  private reconciledAt = 0;
  private pendingEvents: RawEvent[] = [];
  private lastStale: boolean;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly listThreshold: number;
  private readonly settleMs: number;
  private readonly now: () => number;
  /** Lists every 2 s on engines that do not report volume mounts (Podman). */
  private readonly gaps: EngineGapReconciler;
  private countMissedNext = false;
  private stopped = false;

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
    this.gaps = new EngineGapReconciler(options.connection, 'volumes', () => this.listSoon(), () =>
      this.publish({ upserts: [], dropped: [], lineage: [] }),
    );
  }

  /** Subscribes to the connection; reconciles now if it is already connected. */
  start(): void {
    const { connection } = this.options;
    this.disposers.push(
      connection.onEvent((event) => this.onEvent(event)),
      connection.onConnected(({ reconnect }) => {
        if (reconnect) this.eventLog.markReconnected();
        this.listSoon(reconnect);
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
    if (connection.status.state === 'connected') this.listSoon();
  }

  /** Stops following and writes pending history. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.timers.clearAll();
    await this.running?.catch(() => {});
    this.options.store.close();
  }

  snapshot(): StorageSnapshot {
    return {
      revision: this.revision,
      items: this.model.list(),
      ...this.freshness(),
    };
  }

  /** How current the view is: stale, last listing, changes missed, why it is re-read on a timer. */
  private freshness() {
    return {
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
    this.marks.listing = true;
    await this.flushNow();
  }

  /** Resolves when every event seen so far has been applied. */
  async whenIdle(): Promise<void> {
    while (this.timers.has('batch') || this.running) {
      if (this.timers.has('batch')) await this.flushNow();
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
      this.marks.markEvent(event);
      this.schedule(this.debounceMs);
    } else if (!this.timers.has('events')) {
      // Other events only feed the events panel; send them in small batches.
      this.timers.set('events', 50, () => {
        if (this.pendingEvents.length) this.publish({ upserts: [], dropped: [], lineage: [] });
      });
    }
  }

  private schedule(delayMs: number, countMissed = false): void {
    if (countMissed) this.countMissedNext = true;
    const now = this.now();
    if (!this.timers.has('batch')) this.firstDirtyAt = now;
    const wait = Math.max(0, Math.min(delayMs, this.firstDirtyAt + this.maxWaitMs - now));
    this.timers.set('batch', wait, () => void this.flushNow());
  }

  private scheduleSettle(): void {
    this.timers.set('settle', this.settleMs, () => {
      if (!this.stopped) this.listSoon();
    });
  }

  /** Lists everything at the next turn (`countMissed`: after a reconnect, count what changed unseen). */
  private listSoon(countMissed = false): void {
    this.marks.listing = true;
    this.schedule(0, countMissed);
  }

  private async flushNow(): Promise<void> {
    this.timers.clear('batch');
    while (this.running) await this.running;
    if (this.marks.empty && !this.pendingEvents.length) return;
    this.running = this.apply().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async apply(): Promise<void> {
    const batch = this.marks.take(this.listThreshold);
    const { listing } = batch;
    const countMissed = this.countMissedNext;
    this.countMissedNext = false;
    try {
      const docker = this.options.connection.requireClient();
      await refreshModel(docker, this.model, batch);
      const changes = this.model.commit({ reconciled: listing });
      // After a burst, list once more when things are quiet: whatever the stream missed, the
      // model still ends equal to `docker volume ls` and `docker ps -a`.
      if (batch.burst && !this.marks.listing) this.scheduleSettle();
      if (listing) this.reconciledAt = this.now();
      if (countMissed) {
        // Changes found only by listing; those a replayed event already explains count once.
        this.eventLog.addMissed(unexplainedChanges(changes, this.eventLog.replayedActors));
      }
      this.publish(changes);
    } catch (error) {
      // Docker went away mid-batch: keep the marks; the reconnect lists everything anyway.
      this.marks.restore(batch);
      this.options.log.warn('could not refresh storage', {
        error: error instanceof Error ? error.message : String(error),
      });
      // Raw events still reach the panel; history waits for the facts that name its containers.
      if (this.pendingEvents.length) this.publish({ upserts: [], dropped: [], lineage: [] });
      // A busy daemon can time out; try again soon. A lost connection reconciles on reconnect.
      if (this.options.connection.status.state === 'connected' && !this.stopped) {
        this.timers.ensure('retry', 300, () => this.schedule(0));
      }
    }
  }

  private publish(changes: {
    upserts: StorageItem[];
    dropped: string[];
    lineage: LineageEntry[];
  }): void {
    const events = this.pendingEvents.splice(0);
    this.timers.clear('events');
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
      ...this.freshness(),
    });
  }
}
