import fs from 'node:fs';
import type Dockerode from 'dockerode';

/** Resident set size of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Empties the private daemon (containers, volumes, custom networks; images stay as a cache). */
export async function wipeDaemon(docker: Dockerode): Promise<void> {
  for (const c of await docker.listContainers({ all: true }))
    await docker
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .catch(() => undefined);
  await docker.pruneVolumes().catch(() => undefined);
  for (const v of (await docker.listVolumes()).Volumes ?? [])
    await docker
      .getVolume(v.Name)
      .remove()
      .catch(() => undefined);
  for (const n of await docker.listNetworks())
    if (!['bridge', 'host', 'none'].includes(n.Name))
      await docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined);
}

/**
 * Objects labelled `berth.owner` still in the daemon. The base image (`berth.owner=base`, no
 * `berth.run`) is a cache Berth keeps on purpose and does not count.
 */
export async function countLeftovers(
  docker: Dockerode,
  log: (line: string) => void,
): Promise<number> {
  const filters = JSON.stringify({ label: ['berth.owner'] });
  const [containers, volumes, networks, images] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listVolumes({ filters }),
    docker.listNetworks({ filters }),
    docker.listImages({ all: true, filters }),
  ]);
  const found = [
    ...containers.map((c) => `container ${c.Names[0]} (${c.Labels['berth.owner']})`),
    ...(volumes.Volumes ?? []).map((v) => `volume ${v.Name}`),
    ...networks.map((n) => `network ${n.Name}`),
    ...images
      .filter((i) => i.Labels?.['berth.owner'] !== 'base' || i.Labels['berth.run'])
      .map((i) => `image ${i.RepoTags?.[0] ?? i.Id}`),
  ];
  for (const line of found) log(`leftover ${line}`);
  return found.length;
}
