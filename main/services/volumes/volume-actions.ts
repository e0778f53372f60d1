import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import type { PrunePreview } from '../../contract/volumes';
import { isNotFound, volumeSizes } from './docker-reader';
import { isAnonymousVolumeName } from './storage-facts';

/** Containers (running or not) that reference a volume, like `docker ps -a --filter volume=<name>`. */
export async function containersUsing(
  docker: Dockerode,
  name: string,
): Promise<{ name: string; state: string }[]> {
  const containers = await docker.listContainers({ all: true, filters: { volume: [name] } });
  // The filter also matches by mount destination; keep only real references to this volume.
  return containers
    .filter((c) => (c.Mounts ?? []).some((m) => m.Type === 'volume' && m.Name === name))
    .map((c) => ({ name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: c.State }));
}

function inUseMessage(name: string, users: { name: string; state: string }[]): string {
  const list = users.map((u) => `${u.name} (${u.state})`).join(', ');
  const rm = users.map((u) => u.name).join(' ');
  return `Volume ${name} is in use by ${users.length === 1 ? 'container' : 'containers'} ${list}. Docker refuses to remove a volume a container references, even a stopped one. Remove the container first (\`docker rm ${rm}\`), then remove the volume.`;
}

/** Removes a volume; refuses with an explanation while any container references it. */
export async function removeVolume(docker: Dockerode, name: string): Promise<void> {
  const users = await containersUsing(docker, name);
  if (users.length) throw new RpcFailure('conflict', inUseMessage(name, users));
  try {
    await docker.getVolume(name).remove();
  } catch (error) {
    if (isNotFound(error))
      throw new RpcFailure(
        'not-found',
        `There is no volume named ${name} (it may have been removed already).`,
      );
    if ((error as { statusCode?: number }).statusCode === 409) {
      const again = await containersUsing(docker, name);
      throw new RpcFailure(
        'conflict',
        again.length
          ? inUseMessage(name, again)
          : `Docker refused to remove ${name}: it is in use.`,
      );
    }
    throw error;
  }
}

/**
 * What `docker volume prune` would remove: every volume no container references (Engine 20.10
 * removes named and anonymous ones alike), optionally only those with a label, and their sizes.
 */
export async function prunePreview(
  docker: Dockerode,
  label: string | undefined,
  createdBy: (name: string) => string | undefined,
): Promise<PrunePreview> {
  const filters: Record<string, string[]> = { dangling: ['true'] };
  if (label) filters.label = [label];
  const [response, sizes] = await Promise.all([
    docker.listVolumes({ filters }),
    volumeSizes(docker),
  ]);
  const volumes = (response.Volumes ?? []).map((v) => {
    const owner = createdBy(v.Name);
    return {
      name: v.Name,
      kind: isAnonymousVolumeName(v.Name) ? ('anonymous' as const) : ('named' as const),
      sizeBytes: Math.max(0, sizes[v.Name] ?? 0),
      labels: (v.Labels ?? {}) as Record<string, string>,
      ...(owner ? { createdBy: owner } : {}),
    };
  });
  volumes.sort((a, b) => b.sizeBytes - a.sizeBytes || a.name.localeCompare(b.name));
  return {
    volumes,
    totalBytes: volumes.reduce((sum, v) => sum + v.sizeBytes, 0),
    ...(label ? { label } : {}),
  };
}

/**
 * Removes exactly the volumes a preview listed. A volume that came into use since, or is
 * already gone, is skipped with the reason; nothing else is touched.
 */
export async function pruneVolumes(
  docker: Dockerode,
  names: string[],
): Promise<{
  removed: string[];
  skipped: { name: string; reason: string }[];
  reclaimedBytes: number;
}> {
  const sizes = await volumeSizes(docker).catch(() => ({}) as Record<string, number>);
  const removed: string[] = [];
  const skipped: { name: string; reason: string }[] = [];
  let reclaimedBytes = 0;
  for (const name of [...new Set(names)]) {
    try {
      await removeVolume(docker, name);
      removed.push(name);
      reclaimedBytes += Math.max(0, sizes[name] ?? 0);
    } catch (error) {
      skipped.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { removed, skipped, reclaimedBytes };
}
