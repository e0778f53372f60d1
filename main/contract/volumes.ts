import { z } from 'zod';
import { event, method, noParams } from './define';

/** What kind of storage a container can have: named or anonymous volumes, bind mounts, tmpfs. */
export const storageKindSchema = z.enum(['named', 'anonymous', 'bind', 'tmpfs']);
export type StorageKind = z.infer<typeof storageKindSchema>;

/**
 * Where a piece of storage is in its life: created (exists, never used), attached (a container
 * references it but has not run), mounted (a running container uses it), unmounted (its
 * containers are stopped), dangling (no container references it any more), removed.
 */
export const lifecycleStateSchema = z.enum([
  'created',
  'attached',
  'mounted',
  'unmounted',
  'dangling',
  'removed',
]);
export type LifecycleState = z.infer<typeof lifecycleStateSchema>;

/** One container's use of a storage item. */
export const storageUseSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  running: z.boolean(),
  /** Docker's container state: created, running, exited, paused, ... */
  containerState: z.string(),
  destination: z.string(),
  mode: z.string(),
  rw: z.boolean(),
  propagation: z.string(),
});
export type StorageUse = z.infer<typeof storageUseSchema>;

/** Volume data from `docker volume inspect`. */
export const volumeInfoSchema = z.object({
  driver: z.string(),
  scope: z.string(),
  mountpoint: z.string(),
  createdAt: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  options: z.record(z.string(), z.string()),
  /** Bytes on disk, only after sizes were asked for (disk-usage API); -1 when Docker cannot tell. */
  sizeBytes: z.number().optional(),
});
export type VolumeInfo = z.infer<typeof volumeInfoSchema>;

/** A volume, bind mount or tmpfs mount with its current lifecycle state. */
export const storageItemSchema = z.object({
  /** `volume:<name>`, `bind:<host path>` or `tmpfs:<container id>:<destination>`. */
  id: z.string(),
  kind: storageKindSchema,
  /** Volume name, host path, or destination of a tmpfs mount. */
  name: z.string(),
  state: lifecycleStateSchema,
  /** Containers that reference it now (running or not). */
  uses: z.array(storageUseSchema),
  volume: volumeInfoSchema.optional(),
  /** Bind mounts: whether the host path exists (checked on this machine). */
  hostPathExists: z.boolean().optional(),
  /** Tmpfs: options such as size=1m. */
  tmpfsOptions: z.string().optional(),
  /** Anonymous volumes: the container that created it, remembered after that container is gone. */
  createdBy: z.object({ containerId: z.string(), containerName: z.string() }).optional(),
  /** Value of the `berth.owner` label, when Berth created it. */
  berthOwner: z.string().optional(),
  /** Milliseconds since the epoch of the last state change. */
  changedAt: z.number(),
});
export type StorageItem = z.infer<typeof storageItemSchema>;

/** One line of an item's history: a Docker event or a state change, with its container. */
export const lineageEntrySchema = z.object({
  seq: z.number().int(),
  /** Milliseconds since the epoch. */
  at: z.number(),
  itemId: z.string(),
  /** `event` when Docker told us, `state` when the lifecycle state changed. */
  type: z.enum(['event', 'state']),
  /** e.g. `volume mount`, `container die`, or `created → mounted`. */
  action: z.string(),
  from: lifecycleStateSchema.optional(),
  to: lifecycleStateSchema.optional(),
  containerId: z.string().optional(),
  containerName: z.string().optional(),
  destination: z.string().optional(),
  mode: z.string().optional(),
  rw: z.boolean().optional(),
  /** True when the change was found by listing (reconcile) rather than by an event. */
  reconciled: z.boolean().optional(),
});
export type LineageEntry = z.infer<typeof lineageEntrySchema>;

/** A raw message from Docker's event stream, as shown in the events panel. */
export const rawEventSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  action: z.string(),
  actorId: z.string(),
  attributes: z.record(z.string(), z.string()),
  scope: z.string().optional(),
  timeNano: z.number(),
  /** When Berth received it (ms since the epoch). */
  receivedAt: z.number(),
  /** Replayed after a reconnect: it happened while Berth was disconnected. */
  replayed: z.boolean().optional(),
});
export type RawEvent = z.infer<typeof rawEventSchema>;

export const storageSnapshotSchema = z.object({
  /** Increases with every published change; a client that sees a gap re-queries. */
  revision: z.number().int(),
  items: z.array(storageItemSchema),
  /** True while Docker is unreachable: this is the last known state. */
  stale: z.boolean(),
  /** When the model last matched Docker by listing (ms since the epoch), 0 if never. */
  reconciledAt: z.number(),
  /** Events that happened while disconnected (replayed after reconnect) plus changes only listing found. */
  missedWhileDisconnected: z.number().int(),
  /** Why storage is re-read on a timer: the engine does not report volume mounts (e.g. Podman). */
  refreshNotice: z.string().optional(),
});
export type StorageSnapshot = z.infer<typeof storageSnapshotSchema>;

/** A batch of changes to the storage model. */
export const storageDeltaSchema = z.object({
  fromRevision: z.number().int(),
  revision: z.number().int(),
  upserts: z.array(storageItemSchema),
  /** Ids of items dropped from the model altogether (removed items normally stay, as `removed`). */
  dropped: z.array(z.string()),
  lineage: z.array(lineageEntrySchema),
  events: z.array(rawEventSchema),
  stale: z.boolean(),
  reconciledAt: z.number(),
  missedWhileDisconnected: z.number().int(),
  /** As in the snapshot: why storage is re-read on a timer (absent when events cover it). */
  refreshNotice: z.string().optional(),
});
export type StorageDelta = z.infer<typeof storageDeltaSchema>;

/** One entry of a volume directory listing from the content browser. */
export const volumeFileSchema = z.object({
  name: z.string(),
  /** Path inside the volume, `/`-separated, without a leading slash. */
  path: z.string(),
  type: z.enum(['file', 'directory', 'symlink', 'other']),
  size: z.number(),
  modifiedAt: z.number(),
  /** Symlinks: where they point. */
  target: z.string().optional(),
});
export type VolumeFile = z.infer<typeof volumeFileSchema>;

export const prunePreviewSchema = z.object({
  volumes: z.array(
    z.object({
      name: z.string(),
      kind: storageKindSchema,
      sizeBytes: z.number(),
      labels: z.record(z.string(), z.string()),
      createdBy: z.string().optional(),
    }),
  ),
  totalBytes: z.number(),
  /** The label filter the preview was made with, if any. */
  label: z.string().optional(),
});
export type PrunePreview = z.infer<typeof prunePreviewSchema>;

const volumeName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'not a valid volume name');
const relativePath = z.string().max(4096);

export const volumesMethods = {
  'volumes.snapshot': method(
    'The whole storage model: volumes, bind and tmpfs mounts with their states.',
    noParams,
    storageSnapshotSchema,
  ),
  'volumes.lineage': method(
    'History of one item (or of everything), oldest first.',
    z
      .object({
        itemId: z.string().max(5000).optional(),
        limit: z.number().int().min(1).max(10000).optional(),
      })
      .strict(),
    z.object({ entries: z.array(lineageEntrySchema) }),
  ),
  'volumes.events': method(
    'The last raw Docker events Berth saw.',
    z.object({ limit: z.number().int().min(1).max(5000).optional() }).strict(),
    z.object({ events: z.array(rawEventSchema), missedWhileDisconnected: z.number().int() }),
  ),
  'volumes.sizes': method(
    'Asks Docker for the disk usage of every volume (slow on big volumes).',
    noParams,
    z.object({ sizes: z.record(z.string(), z.number()) }),
  ),
  'volumes.inspect': method(
    'Raw `docker volume inspect` of one volume.',
    z.object({ name: volumeName }).strict(),
    z.object({ inspect: z.record(z.string(), z.unknown()) }),
  ),
  'volumes.commands': method(
    'The docker CLI commands that would recreate or remove a volume.',
    z.object({ name: volumeName }).strict(),
    z.object({ recreate: z.string(), remove: z.string(), inspect: z.string() }),
  ),
  'volumes.listFiles': method(
    'Lists a directory inside a volume (read-only, through a short-lived helper container).',
    z.object({ name: volumeName, path: relativePath.default('') }).strict(),
    z.object({ path: z.string(), files: z.array(volumeFileSchema), truncated: z.boolean() }),
  ),
  'volumes.readFile': method(
    'Reads a small text file inside a volume (read-only, through a short-lived helper container).',
    z.object({ name: volumeName, path: relativePath.min(1) }).strict(),
    z.object({
      path: z.string(),
      text: z.string(),
      size: z.number(),
      truncated: z.boolean(),
      binary: z.boolean(),
    }),
  ),
  'volumes.remove': method(
    'Removes a volume; refused with an explanation while a container references it.',
    z.object({ name: volumeName }).strict(),
    z.object({ removed: z.string() }),
  ),
  'volumes.prunePreview': method(
    'What a prune of dangling volumes would remove and the space that comes back.',
    z.object({ label: z.string().max(500).optional() }).strict(),
    prunePreviewSchema,
  ),
  'volumes.prune': method(
    'Removes exactly the named dangling volumes (from a preview); skips any that came into use.',
    z.object({ names: z.array(volumeName).max(10000) }).strict(),
    z.object({
      removed: z.array(z.string()),
      skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
      reclaimedBytes: z.number(),
    }),
  ),
} as const;

export const volumesEvents = {
  'volumes.delta': event(
    'A batch of changes to the storage model (items, history, raw events).',
    storageDeltaSchema,
  ),
} as const;
