import type Dockerode from 'dockerode';
import type { VolumeSummary } from '../../contract';

/** Lists volumes with the names of the containers (running or not) that reference each one. */
export async function listVolumesWithUsage(docker: Dockerode): Promise<VolumeSummary[]> {
  const [volumeResponse, containers] = await Promise.all([
    docker.listVolumes(),
    docker.listContainers({ all: true }),
  ]);
  const usedBy = new Map<string, string[]>();
  for (const container of containers) {
    const name = (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '');
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name) continue;
      const list = usedBy.get(mount.Name) ?? [];
      list.push(name);
      usedBy.set(mount.Name, list);
    }
  }
  const volumes = (volumeResponse.Volumes ?? []).map((volume): VolumeSummary => {
    const raw = volume as Dockerode.VolumeInspectInfo & { CreatedAt?: string };
    const users = usedBy.get(volume.Name) ?? [];
    return {
      name: volume.Name,
      driver: volume.Driver,
      scope: volume.Scope ?? 'local',
      mountpoint: volume.Mountpoint,
      ...(raw.CreatedAt ? { createdAt: raw.CreatedAt } : {}),
      labels: volume.Labels ?? {},
      usedBy: users,
      inUse: users.length > 0,
    };
  });
  volumes.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.name.localeCompare(b.name));
  return volumes;
}
