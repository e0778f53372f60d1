import type { NetworkItem, NetworkState } from '@contract';

/** Plain label of a network state. */
export const STATE_LABEL: Record<NetworkState, string> = {
  created: 'created',
  'in-use': 'in use',
  unused: 'unused',
  removed: 'removed',
};

/** What each state means, for tooltips. */
export const STATE_HINT: Record<NetworkState, string> = {
  created: 'Exists; no container has joined it yet',
  'in-use': 'At least one running container is connected',
  unused: 'Containers used it before; none is connected now (docker network prune would remove it)',
  removed: 'Removed; kept here with its story',
};

/** The tooltip of a network's state (built-in networks are never pruned). */
export function stateHint(network: Pick<NetworkItem, 'state' | 'builtIn'>): string {
  if (network.builtIn && network.state === 'unused')
    return 'Containers used it before; none is connected now (built-in networks are never removed)';
  return STATE_HINT[network.state];
}

/** Driver names as people say them. */
export function driverLabel(network: Pick<NetworkItem, 'driver' | 'name'>): string {
  if (network.name === 'bridge' && network.driver === 'bridge') return 'default bridge';
  if (network.driver === 'null') return 'none';
  if (network.driver === 'bridge') return 'user-defined bridge';
  return network.driver;
}

/** The order in which driver groups are listed. */
export const DRIVER_ORDER = [
  'default bridge',
  'user-defined bridge',
  'host',
  'none',
  'macvlan',
  'ipvlan',
  'overlay',
];

/** Groups networks by driver label, in `DRIVER_ORDER` (others after, removed last). */
export function groupByDriver(
  networks: NetworkItem[],
): { label: string; networks: NetworkItem[] }[] {
  const groups = new Map<string, NetworkItem[]>();
  for (const n of networks) {
    const label = n.state === 'removed' ? 'removed' : driverLabel(n);
    groups.set(label, [...(groups.get(label) ?? []), n]);
  }
  const rank = (label: string) =>
    label === 'removed' ? 99 : DRIVER_ORDER.indexOf(label) < 0 ? 50 : DRIVER_ORDER.indexOf(label);
  return [...groups]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([label, list]) => ({ label, networks: list }));
}

/** `127.0.0.1:8080 → 80/tcp`; an empty host address means every address of the engine host. */
export function formatPort(p: {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  proto: string;
}): string {
  const host =
    p.hostIp === '' || p.hostIp === '0.0.0.0'
      ? '0.0.0.0'
      : p.hostIp.includes(':')
        ? `[${p.hostIp}]`
        : p.hostIp;
  return `${host}:${p.hostPort} → ${p.containerPort}/${p.proto}`;
}
