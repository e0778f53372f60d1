import type Dockerode from 'dockerode';
import type { NetworkSummary } from '../../contract';
import { berthOwnerOf } from './docker-errors';

const BUILT_IN = new Set(['bridge', 'host', 'none']);

/**
 * Every network with its subnets and attached containers. The list call leaves `Containers`
 * empty, so each network is inspected (a handful on a student's machine).
 */
export async function listNetworkSummaries(docker: Dockerode): Promise<NetworkSummary[]> {
  const list = await docker.listNetworks();
  const inspected = await Promise.all(
    list.map((network) =>
      docker
        .getNetwork(network.Id)
        .inspect()
        .then((full: Dockerode.NetworkInspectInfo) => full)
        .catch(() => network),
    ),
  );
  const summaries = inspected.map((network): NetworkSummary => {
    const labels = network.Labels ?? {};
    const owner = berthOwnerOf(labels);
    const containers = Object.entries(network.Containers ?? {}).map(([id, c]) => ({
      id,
      name: c.Name,
      ipv4: (c.IPv4Address ?? '').replace(/\/\d+$/, ''),
    }));
    containers.sort((a, b) => a.name.localeCompare(b.name));
    return {
      id: network.Id,
      name: network.Name,
      driver: network.Driver,
      scope: network.Scope,
      internal: Boolean(network.Internal),
      builtIn: BUILT_IN.has(network.Name),
      subnets: (network.IPAM?.Config ?? []).flatMap((c) => (c.Subnet ? [c.Subnet] : [])),
      containers,
      ...(network.Created ? { createdAt: network.Created } : {}),
      labels,
      ...(owner ? { berthOwner: owner } : {}),
    };
  });
  return summaries.sort(
    (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name),
  );
}
