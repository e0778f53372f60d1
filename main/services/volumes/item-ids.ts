import type { StorageUse } from '../../contract/volumes';
import type { ContainerFacts, MountFacts } from './storage-facts';

/** Id of a volume item. */
export const volumeItemId = (name: string): string => `volume:${name}`;
/** Id of a bind-mount item. */
export const bindItemId = (hostPath: string): string => `bind:${hostPath}`;
/** Id of a tmpfs item. */
export const tmpfsItemId = (containerId: string, destination: string): string =>
  `tmpfs:${containerId}:${destination}`;

/** Id of the item a container's mount produces. */
export function mountItemId(containerId: string, mount: MountFacts): string {
  if (mount.type === 'volume') return volumeItemId(mount.name ?? mount.source);
  if (mount.type === 'bind') return bindItemId(mount.source);
  return tmpfsItemId(containerId, mount.destination);
}

/** Ids of every item a container's mounts produce. */
export function itemIdsOf(container: ContainerFacts): string[] {
  return container.mounts.map((m) => mountItemId(container.id, m));
}

/** How a container uses one of its mounts, as an item shows it. */
export function useOf(container: ContainerFacts, mount: MountFacts): StorageUse {
  return {
    containerId: container.id,
    containerName: container.name,
    running: container.running,
    containerState: container.state,
    destination: mount.destination,
    mode: mount.mode,
    rw: mount.rw,
    propagation: mount.propagation,
  };
}

/** Berth's content-browser helpers (label berth.owner=helper) are left out of the storage story. */
export function isHelper(labels: Record<string, string>): boolean {
  return labels['berth.owner'] === 'helper';
}

/** Every use of one item by the given containers (sorted by name), with its tmpfs options and Berth owner. */
export function usesOfItem(
  id: string,
  containerIds: Iterable<string>,
  containers: ReadonlyMap<string, ContainerFacts>,
): { uses: StorageUse[]; tmpfsOptions?: string; berthOwnerOfUsers?: string } {
  const uses: StorageUse[] = [];
  let tmpfsOptions: string | undefined;
  for (const containerId of containerIds) {
    const container = containers.get(containerId);
    if (!container) continue;
    for (const mount of container.mounts) {
      if (mountItemId(container.id, mount) !== id) continue;
      uses.push(useOf(container, mount));
      if (mount.type === 'tmpfs') tmpfsOptions = mount.options;
    }
  }
  uses.sort(
    (a, b) =>
      a.containerName.localeCompare(b.containerName) || a.destination.localeCompare(b.destination),
  );
  const berthOwnerOfUsers = uses
    .map((u) => containers.get(u.containerId)?.labels['berth.owner'])
    .find(Boolean);
  return { uses, tmpfsOptions, berthOwnerOfUsers };
}
