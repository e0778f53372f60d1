import type { LineageEntry, StorageItem } from '../../contract/volumes';
import type { DockerEvent } from '../docker/docker-event';
import { isHelper, mountItemId, volumeItemId } from './item-ids';
import { isAnonymousVolumeName, type ContainerFacts, type VolumeFacts } from './storage-facts';

/** The container that created an anonymous volume. */
export interface VolumeOwner {
  containerId: string;
  containerName: string;
}

/** Container actions worth a line in the history of the storage a container uses. */
const CONTAINER_ACTIONS = new Set([
  'create',
  'start',
  'die',
  'stop',
  'destroy',
  'pause',
  'unpause',
  'rename',
  'restart',
  'oom',
]);

/** The parts of the storage model a Docker event reads and updates. */
export interface EventHistoryState {
  volumes: ReadonlyMap<string, VolumeFacts>;
  containers: ReadonlyMap<string, ContainerFacts>;
  /** Container names by id, from events and inspection. */
  containerNames: Map<string, string>;
  /** Berth's content-browser helpers: their events are left out. */
  helperIds: Set<string>;
  owners: Map<string, VolumeOwner>;
  everUsed: Set<string>;
  now: () => number;
  /** Adds one history line (the model numbers it). */
  push: (fields: Omit<LineageEntry, 'seq'>) => void;
}

/**
 * Adds the history lines a Docker event stands for (before its facts are re-inspected), and
 * learns from it: container names, Berth's helpers, volumes ever used and who created an
 * anonymous volume.
 */
export function recordEvent(event: DockerEvent, state: EventHistoryState): void {
  const attrs = event.Actor.Attributes;
  if (event.Type === 'container' && (isHelper(attrs) || state.helperIds.has(event.Actor.ID))) {
    if (event.Action === 'destroy') state.helperIds.delete(event.Actor.ID);
    else state.helperIds.add(event.Actor.ID);
    return;
  }
  if (event.Type === 'volume' && attrs.container && state.helperIds.has(attrs.container)) return;
  if (event.Type === 'container' && attrs.name)
    state.containerNames.set(event.Actor.ID, attrs.name);
  const at = Math.floor(event.timeNano / 1e6) || state.now();
  const action = `${event.Type} ${event.Action}`;
  // Docker announces `create` again whenever a container references an existing volume
  // (e.g. Berth's own read-only helper); the volume did not start anew, so no history line.
  if (event.Type === 'volume' && event.Action === 'create' && state.volumes.has(event.Actor.ID))
    return;
  if (event.Type === 'volume' && event.Actor.ID) {
    recordVolumeEvent(event, state, at, action);
    return;
  }
  if (event.Type === 'container' && CONTAINER_ACTIONS.has(event.Action)) {
    const container = state.containers.get(event.Actor.ID);
    if (!container) return;
    for (const mount of container.mounts) {
      state.push({
        at,
        itemId: mountItemId(container.id, mount),
        type: 'event',
        action,
        containerId: container.id,
        containerName: attrs.name ?? container.name,
        destination: mount.destination,
        mode: mount.mode,
        rw: mount.rw,
      });
    }
  }
}

function recordVolumeEvent(
  event: DockerEvent,
  state: EventHistoryState,
  at: number,
  action: string,
): void {
  const attrs = event.Actor.Attributes;
  const containerId = attrs.container;
  const container = containerId ? state.containers.get(containerId) : undefined;
  const mount = container?.mounts.find((m) => m.type === 'volume' && m.name === event.Actor.ID);
  const rwAttr = attrs['read/write'];
  state.push({
    at,
    itemId: volumeItemId(event.Actor.ID),
    type: 'event',
    action,
    ...(containerId ? { containerId } : {}),
    ...(container || (containerId && state.containerNames.has(containerId))
      ? { containerName: container?.name ?? state.containerNames.get(containerId!) }
      : {}),
    ...(attrs.destination || mount ? { destination: attrs.destination || mount?.destination } : {}),
    ...(rwAttr ? { rw: rwAttr === 'true' } : mount ? { rw: mount.rw } : {}),
    ...(mount?.mode ? { mode: mount.mode } : {}),
  });
  if (event.Action === 'mount') state.everUsed.add(event.Actor.ID);
  const owner = state.owners.get(event.Actor.ID);
  if (event.Action === 'mount' && containerId && isAnonymousVolumeName(event.Actor.ID) && !owner) {
    state.owners.set(event.Actor.ID, {
      containerId,
      containerName: container?.name ?? attrs.name ?? containerId.slice(0, 12),
    });
  }
}

/** The history line for an item whose state changed (or that appeared), naming its likely cause. */
export function stateChange(
  itemId: string,
  before: StorageItem | undefined,
  next: StorageItem,
  at: number,
  reconciled: boolean | undefined,
): Omit<LineageEntry, 'seq'> {
  const cause = next.uses.find((u) => u.running) ?? next.uses[0] ?? before?.uses[0];
  return {
    at,
    itemId,
    type: 'state',
    action: before ? `${before.state} → ${next.state}` : next.state,
    ...(before ? { from: before.state } : {}),
    to: next.state,
    ...(cause
      ? {
          containerId: cause.containerId,
          containerName: cause.containerName,
          destination: cause.destination,
          mode: cause.mode,
          rw: cause.rw,
        }
      : {}),
    ...(reconciled ? { reconciled: true } : {}),
  };
}
