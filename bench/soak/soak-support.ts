import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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

/**
 * A private copy of the build for this run, so that other people rebuilding `out/` during a long
 * soak do not change the host under test. Copied under the shared e2e lock (so do not run the soak
 * itself under that lock); `from` uses an existing copy instead (e.g. a deliberately broken one).
 * The copy lives in bench/.tmp so that the host still finds node_modules and the app root.
 */
export function snapshotBuild(
  root: string,
  from?: string,
): { hostRoot: string; dispose: () => void } {
  const hostRoot = path.join(root, 'bench', '.tmp', `soak-${process.pid}`);
  fs.rmSync(hostRoot, { recursive: true, force: true });
  fs.mkdirSync(hostRoot, { recursive: true });
  const source = from ? path.resolve(from) : path.join(root, 'out');
  const cp = ['cp', '-r', source, path.join(hostRoot, 'out')];
  // Only the shared out/ can be rewritten under us; a given copy is the caller's own.
  const command = from ? cp : ['flock', '-w', '900', '/tmp/berth-e2e.lock', ...cp];
  const copy = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
  if (copy.status !== 0 || !fs.existsSync(path.join(hostRoot, 'out/main/web-host.js')))
    throw new Error(
      `could not copy the build from ${source} (run npm run build first): ${copy.stderr}`,
    );
  return { hostRoot, dispose: () => fs.rmSync(hostRoot, { recursive: true, force: true }) };
}
