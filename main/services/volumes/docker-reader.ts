import type Dockerode from 'dockerode';
import {
  containerFactsFrom,
  volumeFactsFrom,
  type ContainerFacts,
  type VolumeFacts,
} from './storage-facts';

/** True for Docker's "no such ..." answers. */
export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 404;
}

/** Inspects one container; null when it no longer exists. */
export async function inspectContainer(
  docker: Dockerode,
  id: string,
): Promise<ContainerFacts | null> {
  try {
    return containerFactsFrom(await docker.getContainer(id).inspect());
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Inspects one volume; null when it no longer exists. */
export async function inspectVolume(docker: Dockerode, name: string): Promise<VolumeFacts | null> {
  try {
    return volumeFactsFrom(await docker.getVolume(name).inspect());
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A full listing: every volume, and every container with its mounts. */
export interface Listing {
  volumes: VolumeFacts[];
  containers: ContainerFacts[];
}

/**
 * Lists volumes and containers like `docker volume ls` and `docker ps -a`. Containers are
 * inspected (the list omits `--tmpfs` mounts) unless `known` already has them in the same state.
 */
export async function listAll(
  docker: Dockerode,
  known: (id: string) => ContainerFacts | undefined,
): Promise<Listing> {
  const [volumeResponse, summaries] = await Promise.all([
    docker.listVolumes(),
    docker.listContainers({ all: true }),
  ]);
  const volumes = (volumeResponse.Volumes ?? []).map((v) => volumeFactsFrom(v));
  const inspected = await mapLimit(summaries, 8, async (summary) => {
    const cached = known(summary.Id);
    if (cached && cached.state === summary.State) return cached;
    return inspectContainer(docker, summary.Id);
  });
  return { volumes, containers: inspected.filter((c): c is ContainerFacts => c !== null) };
}

/** Bytes per volume from the disk-usage API (`docker system df -v`); -1 when Docker cannot tell. */
export async function volumeSizes(docker: Dockerode): Promise<Record<string, number>> {
  const df = (await docker.df()) as {
    Volumes?: { Name: string; UsageData?: { Size?: number } | null }[] | null;
  };
  const sizes: Record<string, number> = {};
  for (const v of df.Volumes ?? [])
    sizes[v.Name] = typeof v.UsageData?.Size === 'number' ? v.UsageData.Size : -1;
  return sizes;
}
