import type Dockerode from 'dockerode';
import {
  containerNetFactsFrom,
  networkFactsFrom,
  type ContainerNetFacts,
  type NetworkFacts,
} from './network-facts';

/** True for Docker's "no such ..." answers. */
export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}

/** Everything the network view shows, read in one go. */
export interface NetworkListing {
  networks: NetworkFacts[];
  containers: ContainerNetFacts[];
}

type Cache = Map<string, { key: string; facts: ContainerNetFacts }>;

function summaryKey(summary: Dockerode.ContainerInfo): string {
  const nets = Object.entries(summary.NetworkSettings?.Networks ?? {})
    .map(([name, ep]) => `${name}=${ep.EndpointID}:${ep.IPAddress}`)
    .sort()
    .join(',');
  return `${summary.State}|${nets}|${summary.Ports.length}`;
}

/**
 * Lists networks like `docker network ls` and containers like `docker ps -a`; containers are
 * inspected for aliases and port bindings unless `cache` holds them unchanged.
 */
export async function readNetworks(docker: Dockerode, cache: Cache): Promise<NetworkListing> {
  const [rawNetworks, summaries] = await Promise.all([
    docker.listNetworks(),
    docker.listContainers({ all: true }),
  ]);
  const alive = new Set<string>();
  const containers: ContainerNetFacts[] = [];
  const queue = [...summaries];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      alive.add(s.Id);
      const key = summaryKey(s);
      const cached = cache.get(s.Id);
      if (cached && cached.key === key) {
        containers.push(cached.facts);
        continue;
      }
      try {
        const facts = containerNetFactsFrom(await docker.getContainer(s.Id).inspect());
        cache.set(s.Id, { key, facts });
        containers.push(facts);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, summaries.length) }, worker));
  for (const id of cache.keys()) if (!alive.has(id)) cache.delete(id);
  return {
    networks: rawNetworks.map((n) => networkFactsFrom(n as Parameters<typeof networkFactsFrom>[0])),
    containers,
  };
}
