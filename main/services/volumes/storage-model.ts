import type { LineageEntry, StorageItem } from '../../contract/volumes';
import type { DockerEvent } from '../docker/docker-event';
import { buildStorageItem } from './build-item';
import {
  recordEvent,
  stateChange,
  type EventHistoryState,
  type VolumeOwner,
} from './event-history';
import { isHelper, itemIdsOf, mountItemId, usesOfItem, volumeItemId } from './item-ids';
import { isAnonymousVolumeName, type ContainerFacts, type VolumeFacts } from './storage-facts';

/** What the model remembers across sessions (kept in the lineage store). */
export interface ModelMemory {
  owners: Record<string, VolumeOwner>;
  /** Volumes a container has referenced at some point. */
  everUsed: string[];
}

export interface StorageModelOptions {
  now?: () => number;
  /** Whether a host path exists; bind mounts show it. */
  hostPathExists?: (hostPath: string) => boolean;
  memory?: ModelMemory;
  /** Removed items kept visible (oldest dropped first). */
  maxRemovedItems?: number;
}

/** What one commit changed. */
export interface ModelChanges {
  upserts: StorageItem[];
  dropped: string[];
  lineage: LineageEntry[];
  /** Number of items whose state changed. */
  stateChanges: number;
}

/**
 * The storage lifecycle model: facts from Docker (volumes, containers and their mounts) go in,
 * items with a lifecycle state and a history come out. Pure: no I/O, time comes from `now`.
 * Feed facts with `setVolume`/`setContainer`/... (or `replaceAll` when reconciling by listing),
 * events with `recordEvent`, then `commit` to get what changed.
 */
export class StorageModel {
  private readonly volumes = new Map<string, VolumeFacts>();
  private readonly containers = new Map<string, ContainerFacts>();
  /** item id → ids of containers whose mounts produce it. */
  private readonly users = new Map<string, Set<string>>();
  private readonly items = new Map<string, StorageItem>();
  /** Removed items in the order they were removed, for bounding. */
  private readonly removedOrder: string[] = [];
  private readonly dirty = new Set<string>();
  /** Container names by id, from events and inspection: history names containers not yet inspected. */
  private readonly containerNames = new Map<string, string>();
  /** Berth's content-browser helpers (label berth.owner=helper): left out of the model. */
  private readonly helperIds = new Set<string>();
  private readonly pendingLineage: LineageEntry[] = [];
  private readonly owners: Map<string, VolumeOwner>;
  private readonly everUsed: Set<string>;
  private seq = 0;
  private readonly now: () => number;
  private readonly hostPathExists: (hostPath: string) => boolean;
  private readonly maxRemovedItems: number;
  private readonly eventState: EventHistoryState;

  constructor(options: StorageModelOptions = {}) {
    this.now = options.now ?? Date.now;
    this.hostPathExists = options.hostPathExists ?? (() => true);
    this.maxRemovedItems = options.maxRemovedItems ?? 500;
    this.owners = new Map(Object.entries(options.memory?.owners ?? {}));
    this.everUsed = new Set(options.memory?.everUsed ?? []);
    this.eventState = {
      volumes: this.volumes,
      containers: this.containers,
      containerNames: this.containerNames,
      helperIds: this.helperIds,
      owners: this.owners,
      everUsed: this.everUsed,
      now: this.now,
      push: (fields) => this.pendingLineage.push(this.entry(fields)),
    };
  }

  /** Continues lineage numbering after entries loaded from the store. */
  setNextSeq(seq: number): void {
    this.seq = Math.max(this.seq, seq);
  }

  /** What should be remembered across sessions. */
  memory(): ModelMemory {
    return { owners: Object.fromEntries(this.owners), everUsed: [...this.everUsed] };
  }

  /** All items, removed ones included. */
  list(): StorageItem[] {
    return [...this.items.values()];
  }

  get(id: string): StorageItem | undefined {
    return this.items.get(id);
  }

  container(id: string): ContainerFacts | undefined {
    return this.containers.get(id);
  }

  hasVolume(name: string): boolean {
    return this.volumes.has(name);
  }

  volumeNames(): string[] {
    return [...this.volumes.keys()];
  }

  containerIds(): string[] {
    return [...this.containers.keys()];
  }

  setVolume(facts: VolumeFacts): void {
    this.volumes.set(facts.name, facts);
    this.dirty.add(volumeItemId(facts.name));
  }

  removeVolume(name: string): void {
    this.volumes.delete(name);
    this.dirty.add(volumeItemId(name));
  }

  setContainer(facts: ContainerFacts): void {
    if (isHelper(facts.labels)) {
      // Berth's own read-only peeks into a volume are not part of its story.
      this.helperIds.add(facts.id);
      this.removeContainer(facts.id);
      return;
    }
    this.containerNames.set(facts.id, facts.name);
    const before = this.containers.get(facts.id);
    if (before) this.unindex(before);
    this.containers.set(facts.id, facts);
    this.index(facts);
  }

  removeContainer(id: string): void {
    const before = this.containers.get(id);
    if (!before) return;
    this.unindex(before);
    this.containers.delete(id);
  }

  /** Makes the model equal to a full listing: anything not listed is gone. */
  replaceAll(volumes: VolumeFacts[], containers: ContainerFacts[]): void {
    const volumeNames = new Set(volumes.map((v) => v.name));
    for (const name of [...this.volumes.keys()])
      if (!volumeNames.has(name)) this.removeVolume(name);
    for (const v of volumes) {
      const known = this.volumes.get(v.name);
      if (!known || JSON.stringify(known) !== JSON.stringify(v)) this.setVolume(v);
    }
    const containerIds = new Set(containers.filter((c) => !isHelper(c.labels)).map((c) => c.id));
    for (const id of [...this.containers.keys()])
      if (!containerIds.has(id)) this.removeContainer(id);
    // Oldest first, so the first container seen with an anonymous volume is the one that created it.
    for (const c of [...containers].sort((a, b) => a.created - b.created)) {
      if (isHelper(c.labels)) continue;
      const known = this.containers.get(c.id);
      if (!known || JSON.stringify(known) !== JSON.stringify(c)) this.setContainer(c);
    }
  }

  private index(container: ContainerFacts): void {
    for (const mount of container.mounts) {
      const id = mountItemId(container.id, mount);
      let set = this.users.get(id);
      if (!set) this.users.set(id, (set = new Set()));
      set.add(container.id);
      this.dirty.add(id);
      if (mount.type === 'volume' && mount.name) {
        this.everUsed.add(mount.name);
        const owner = this.owners.get(mount.name);
        if (isAnonymousVolumeName(mount.name) && (!owner || owner.containerId === container.id)) {
          this.owners.set(mount.name, { containerId: container.id, containerName: container.name });
        }
      }
    }
  }

  private unindex(container: ContainerFacts): void {
    for (const id of itemIdsOf(container)) {
      const set = this.users.get(id);
      set?.delete(container.id);
      if (set && set.size === 0) this.users.delete(id);
      this.dirty.add(id);
    }
  }

  /** Adds history lines for a Docker event (before its facts are re-inspected). */
  recordEvent(event: DockerEvent): void {
    recordEvent(event, this.eventState);
  }

  private entry(fields: Omit<LineageEntry, 'seq'>): LineageEntry {
    return { seq: ++this.seq, ...fields };
  }

  /** Recomputes the items touched since the last commit and returns what changed. */
  commit(options: { reconciled?: boolean } = {}): ModelChanges {
    const at = this.now();
    const upserts: StorageItem[] = [];
    const lineage: LineageEntry[] = this.pendingLineage.splice(0);
    // Events often arrive before the container is inspected: name it now that it is known.
    for (const entry of lineage) {
      if (!entry.containerId || entry.containerName) continue;
      const container = this.containers.get(entry.containerId);
      const name = container?.name ?? this.containerNames.get(entry.containerId);
      if (name) entry.containerName = name;
    }
    const dropped: string[] = [];
    let stateChanges = 0;
    for (const id of this.dirty) {
      const before = this.items.get(id);
      const next = this.buildItem(id, before, at);
      if (!next) continue;
      if (before && sameItem(before, next)) continue;
      if (!before || before.state !== next.state) {
        stateChanges++;
        lineage.push(this.entry(stateChange(id, before, next, at, options.reconciled)));
      } else {
        next.changedAt = before.changedAt;
      }
      this.items.set(id, next);
      upserts.push(next);
      if (next.state === 'removed' && before?.state !== 'removed') this.removedOrder.push(id);
    }
    this.dirty.clear();
    while (this.removedOrder.length > this.maxRemovedItems) {
      const id = this.removedOrder.shift();
      if (id && this.items.get(id)?.state === 'removed') {
        this.items.delete(id);
        dropped.push(id);
      }
    }
    if (dropped.length) {
      const gone = new Set(dropped);
      for (let i = upserts.length - 1; i >= 0; i--)
        if (gone.has(upserts[i]!.id)) upserts.splice(i, 1);
    }
    return { upserts, dropped, lineage, stateChanges };
  }

  private buildItem(
    id: string,
    before: StorageItem | undefined,
    at: number,
  ): StorageItem | undefined {
    const { uses, tmpfsOptions, berthOwnerOfUsers } = usesOfItem(
      id,
      this.users.get(id) ?? [],
      this.containers,
    );
    return buildStorageItem(id, uses, tmpfsOptions, berthOwnerOfUsers, before, at, {
      volume: (name) => this.volumes.get(name),
      owner: (name) => this.owners.get(name),
      everUsed: (name) => this.everUsed.has(name),
      containerName: (containerId) => this.containers.get(containerId)?.name,
      hostPathExists: this.hostPathExists,
    });
  }

  /** Stores sizes from the disk-usage API on the volume items; returns the items that changed. */
  applySizes(sizes: Record<string, number>): StorageItem[] {
    const changed: StorageItem[] = [];
    for (const [name, size] of Object.entries(sizes)) {
      const item = this.items.get(volumeItemId(name));
      if (!item?.volume || item.volume.sizeBytes === size) continue;
      const next = { ...item, volume: { ...item.volume, sizeBytes: size } };
      this.items.set(item.id, next);
      changed.push(next);
    }
    return changed;
  }
}

function sameItem(a: StorageItem, b: StorageItem): boolean {
  return JSON.stringify({ ...a, changedAt: 0 }) === JSON.stringify({ ...b, changedAt: 0 });
}
