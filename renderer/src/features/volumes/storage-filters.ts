import type { LifecycleState, NetworkItem, StorageItem, StorageKind } from '@contract';

/** What the storage view shows. */
export interface StorageFilter {
  kinds: Set<StorageKind>;
  /** `all`, `in-use` (attached/mounted/unmounted), `dangling` (no container; created or dangling), or one state. */
  state: 'all' | 'in-use' | 'dangling' | 'removed';
  /** `key` or `key=value`. */
  label: string;
  berthOnly: boolean;
  search: string;
  showRemoved: boolean;
  /** The graph also draws networks, their containers and published ports. */
  networks: boolean;
}

export const KINDS: StorageKind[] = ['named', 'anonymous', 'bind', 'tmpfs'];

export const defaultFilter = (): StorageFilter => ({
  kinds: new Set(KINDS),
  state: 'all',
  label: '',
  berthOnly: false,
  search: '',
  showRemoved: true,
  networks: true,
});

const IN_USE: LifecycleState[] = ['attached', 'mounted', 'unmounted'];

function labelsOf(item: StorageItem): Record<string, string> {
  return item.volume?.labels ?? (item.berthOwner ? { 'berth.owner': item.berthOwner } : {});
}

// The label filter (`key` or `key=value`) and the search over `names`, for items and networks alike.
function matchesLabelAndSearch(
  filter: StorageFilter,
  labels: Record<string, string>,
  names: string[],
): boolean {
  const label = filter.label.trim();
  if (label) {
    const [key = '', ...rest] = label.split('=');
    if (!(key in labels)) return false;
    if (rest.length && labels[key] !== rest.join('=')) return false;
  }
  const search = filter.search.trim().toLowerCase();
  return !search || names.join(' ').toLowerCase().includes(search);
}

/** True when the item passes every filter. */
export function matchesFilter(item: StorageItem, filter: StorageFilter): boolean {
  if (!filter.kinds.has(item.kind)) return false;
  if (!filter.showRemoved && item.state === 'removed' && filter.state !== 'removed') return false;
  if (filter.state === 'in-use' && !IN_USE.includes(item.state)) return false;
  if (filter.state === 'dangling' && !(item.state === 'dangling' || item.state === 'created'))
    return false;
  if (filter.state === 'removed' && item.state !== 'removed') return false;
  if (filter.berthOnly && !item.berthOwner) return false;
  return matchesLabelAndSearch(filter, labelsOf(item), [
    item.name,
    item.createdBy?.containerName ?? '',
    ...item.uses.map((u) => u.containerName),
  ]);
}

/** Whether a network passes the same filters as storage (state, label, Berth's, search, removed). */
export function matchesNetworkFilter(network: NetworkItem, filter: StorageFilter): boolean {
  if (!filter.networks) return false;
  const removed = network.state === 'removed';
  if (!filter.showRemoved && removed && filter.state !== 'removed') return false;
  if (filter.state === 'in-use' && network.state !== 'in-use') return false;
  if (filter.state === 'dangling' && !(network.state === 'created' || network.state === 'unused'))
    return false;
  if (filter.state === 'removed' && !removed) return false;
  if (filter.berthOnly && !network.berthOwner) return false;
  return matchesLabelAndSearch(filter, network.labels, [
    network.name,
    ...network.endpoints.map((e) => e.containerName),
  ]);
}

const STATE_ORDER: Record<LifecycleState, number> = {
  mounted: 0,
  attached: 1,
  unmounted: 2,
  created: 3,
  dangling: 4,
  removed: 5,
};

/** Items grouped in kind lanes, live ones first, then by name. */
export function groupByKind(items: StorageItem[]): Map<StorageKind, StorageItem[]> {
  const groups = new Map<StorageKind, StorageItem[]>(KINDS.map((k) => [k, []]));
  for (const item of items) groups.get(item.kind)?.push(item);
  for (const list of groups.values()) {
    list.sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        b.changedAt - a.changedAt ||
        a.name.localeCompare(b.name),
    );
  }
  return groups;
}

/** A short form of a long name, e.g. an anonymous volume's hash or a deep host path. */
export function displayName(item: StorageItem): string {
  if (item.kind === 'anonymous') return `${item.name.slice(0, 12)}…`;
  return item.name;
}

/** Bytes as B / KB / MB / GB. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
