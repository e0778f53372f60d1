import { RpcFailure } from '../../contract/errors';
import type {
  LineageEntry,
  PrunePreview,
  RawEvent,
  StorageDelta,
  StorageSnapshot,
  VolumeFile,
} from '../../contract/volumes';
import type { Logger } from '../logging/logger';
import { engineScopedFile, PerEngine, type EngineScope } from '../docker/engine-scope';
import { volumeCommands } from './cli-commands';
import { listVolumeFiles, readVolumeFile } from './content-browser';
import { isNotFound } from './docker-reader';
import { LineageStore } from './lineage-store';
import { volumeItemId } from './item-ids';
import { prunePreview, pruneVolumes, removeVolume } from './volume-actions';
import { VolumeTracker, type TrackerConnection } from './volume-tracker';

export interface VolumesServiceOptions {
  connection: TrackerConnection;
  /** Receives batches of model changes (the `volumes.delta` event). */
  publishDelta: (delta: StorageDelta) => void;
  log: Logger;
  /** The history file lives here. */
  userDataDir: string;
  /** Told when the history file was damaged and set aside. */
  onNotice?: (message: string) => void;
  /** Image of the content-browser helper (defaults to the local busybox image). */
  helperImage?: () => string | undefined;
  /** The engine in use: each engine has its own model and history (switching starts a fresh tracker). */
  engine?: EngineScope;
}

/**
 * The live volume lifecycle feature: the tracker (model, history, events) plus the actions a
 * person can take on volumes (look inside, remove, prune), each with a readable failure.
 */
export class VolumesService {
  private readonly trackers: PerEngine<VolumeTracker>;

  constructor(private readonly options: VolumesServiceOptions) {
    this.trackers = new PerEngine(options.engine, (previous) => this.createTracker(previous), (error) =>
      options.log.warn('could not follow the engine switch', { error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** The tracker of the engine in use now. */
  get tracker(): VolumeTracker {
    return this.trackers.current;
  }

  start(): void {
    this.trackers.start();
  }

  async stop(): Promise<void> {
    await this.trackers.stop();
  }

  /** A tracker for the engine in use; after a switch the old engine's items leave the views first. */
  private createTracker(previous: VolumeTracker | undefined): VolumeTracker {
    const last = previous?.snapshot();
    if (last) {
      this.options.publishDelta({
        fromRevision: last.revision,
        revision: last.revision + 1,
        upserts: [],
        dropped: last.items.map((item) => item.id),
        lineage: [],
        events: [],
        stale: this.options.connection.status.state !== 'connected',
        reconciledAt: 0,
        missedWhileDisconnected: 0,
      });
    }
    const store = new LineageStore({
      file: engineScopedFile(this.options.userDataDir, 'volume-lineage', '.json', this.options.engine),
      log: this.options.log.child('lineage'),
      ...(this.options.onNotice ? { onNotice: this.options.onNotice } : {}),
    });
    return new VolumeTracker({
      connection: this.options.connection,
      store,
      log: this.options.log,
      publishDelta: this.options.publishDelta,
      firstRevision: last ? last.revision + 1 : 0,
    });
  }

  snapshot(): StorageSnapshot {
    return this.tracker.snapshot();
  }

  lineage(itemId?: string, limit?: number): { entries: LineageEntry[] } {
    return { entries: this.tracker.lineage(itemId, limit) };
  }

  events(limit?: number): { events: RawEvent[]; missedWhileDisconnected: number } {
    return this.tracker.events(limit);
  }

  async sizes(): Promise<{ sizes: Record<string, number> }> {
    return { sizes: await this.tracker.refreshSizes() };
  }

  async inspect(name: string): Promise<{ inspect: Record<string, unknown> }> {
    const docker = this.options.connection.requireClient();
    try {
      return {
        inspect: (await docker.getVolume(name).inspect()) as unknown as Record<string, unknown>,
      };
    } catch (error) {
      if (isNotFound(error)) throw new RpcFailure('not-found', `There is no volume named ${name}.`);
      throw error;
    }
  }

  commands(name: string): { recreate: string; remove: string; inspect: string } {
    const item = this.tracker.item(volumeItemId(name));
    if (!item) throw new RpcFailure('not-found', `Berth does not know a volume named ${name}.`);
    return volumeCommands(item);
  }

  listFiles(
    name: string,
    dir: string,
  ): Promise<{ path: string; files: VolumeFile[]; truncated: boolean }> {
    return listVolumeFiles(
      this.options.connection.requireClient(),
      name,
      dir,
      this.options.helperImage?.(),
    );
  }

  readFile(
    name: string,
    file: string,
  ): Promise<{ path: string; text: string; size: number; truncated: boolean; binary: boolean }> {
    return readVolumeFile(
      this.options.connection.requireClient(),
      name,
      file,
      this.options.helperImage?.(),
    );
  }

  async remove(name: string): Promise<{ removed: string }> {
    await removeVolume(this.options.connection.requireClient(), name);
    await this.tracker.reconcile().catch(() => {});
    return { removed: name };
  }

  prunePreview(label?: string): Promise<PrunePreview> {
    return prunePreview(this.options.connection.requireClient(), label, (name) =>
      this.tracker.createdBy(name),
    );
  }

  async prune(
    names: string[],
  ): Promise<{
    removed: string[];
    skipped: { name: string; reason: string }[];
    reclaimedBytes: number;
  }> {
    const result = await pruneVolumes(this.options.connection.requireClient(), names);
    await this.tracker.reconcile().catch(() => {});
    return result;
  }
}
