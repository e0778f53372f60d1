import type Dockerode from 'dockerode';
import type { ContainerMount, ContainerPort, ContainerSummary } from '../../contract/containers';
import { berthOwnerOf } from '../docker/docker-errors';

/** The container's name without Docker's leading slash (its short id when it has none). */
export function containerName(names: string[] | undefined, id: string): string {
  return (names?.[0] ?? id.slice(0, 12)).replace(/^\//, '');
}

function portsFrom(ports: Dockerode.Port[] | undefined): ContainerPort[] {
  const seen = new Set<string>();
  const out: ContainerPort[] = [];
  for (const port of ports ?? []) {
    // Docker lists a published port once per address family (0.0.0.0 and ::); show it once.
    const key = `${port.PrivatePort}/${port.Type}/${port.PublicPort ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      privatePort: port.PrivatePort,
      ...(port.PublicPort ? { publicPort: port.PublicPort } : {}),
      ...(port.IP ? { ip: port.IP } : {}),
      type: port.Type,
    });
  }
  return out.sort((a, b) => a.privatePort - b.privatePort);
}

function mountsFrom(mounts: Dockerode.ContainerInfo['Mounts'] | undefined): ContainerMount[] {
  return (mounts ?? []).map((mount) => ({
    type: mount.Type,
    ...(mount.Name ? { name: mount.Name } : {}),
    source: mount.Source ?? '',
    destination: mount.Destination,
    rw: mount.RW,
  }));
}

/**
 * One entry of `GET /containers/json?all=1` as the contract's summary. A container inherits its
 * image's labels, so a `berth.owner` equal to the image's own is the image's mark, not the
 * container's (every container of Berth's base image would otherwise look like Berth's).
 */
export function containerSummaryFrom(
  info: Dockerode.ContainerInfo,
  imageLabels: Record<string, string> = {},
): ContainerSummary {
  const labels = info.Labels ?? {};
  const own = berthOwnerOf(labels);
  const owner = own && own !== imageLabels['berth.owner'] ? own : undefined;
  return {
    id: info.Id,
    name: containerName(info.Names, info.Id),
    image: info.Image,
    imageId: info.ImageID,
    command: info.Command ?? '',
    state: info.State,
    status: info.Status,
    createdAt: info.Created * 1000,
    ports: portsFrom(info.Ports),
    mounts: mountsFrom(info.Mounts),
    networks: Object.keys(info.NetworkSettings?.Networks ?? {}).sort(),
    labels,
    ...(owner ? { berthOwner: owner } : {}),
  };
}

/** Every container, newest first. */
export async function listContainerSummaries(docker: Dockerode): Promise<ContainerSummary[]> {
  const [list, images] = await Promise.all([
    docker.listContainers({ all: true }),
    docker.listImages(),
  ]);
  const labelsOf = new Map(images.map((image) => [image.Id, image.Labels ?? {}]));
  return list
    .map((info) => containerSummaryFrom(info, labelsOf.get(info.ImageID)))
    .sort((a, b) => b.createdAt - a.createdAt || a.name.localeCompare(b.name));
}
