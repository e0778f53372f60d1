import type Dockerode from 'dockerode';

/** A mount as Docker reports it in `docker container inspect` (.Mounts and .HostConfig.Tmpfs). */
export interface MountFacts {
  type: 'volume' | 'bind' | 'tmpfs';
  /** Volume name (volumes only). */
  name?: string;
  /** Host path (binds), mountpoint (volumes), empty for tmpfs. */
  source: string;
  destination: string;
  mode: string;
  rw: boolean;
  propagation: string;
  /** Tmpfs options, e.g. `size=1m`. */
  options?: string;
}

/** What the storage model needs to know about one container. */
export interface ContainerFacts {
  id: string;
  name: string;
  /** created, running, paused, restarting, removing, exited, dead */
  state: string;
  running: boolean;
  /** Seconds since the epoch, for ordering (the oldest user of an anonymous volume created it). */
  created: number;
  labels: Record<string, string>;
  mounts: MountFacts[];
}

/** What the storage model needs to know about one volume. */
export interface VolumeFacts {
  name: string;
  driver: string;
  scope: string;
  mountpoint: string;
  createdAt?: string;
  labels: Record<string, string>;
  options: Record<string, string>;
}

const ANONYMOUS_NAME = /^[0-9a-f]{64}$/;

/** Docker names anonymous volumes with 64 hex digits; Engine 20.10 gives them no label. */
export function isAnonymousVolumeName(name: string): boolean {
  return ANONYMOUS_NAME.test(name);
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === 'string') out[key] = v;
    }
  }
  return out;
}

/** Volume facts from `GET /volumes` or `GET /volumes/{name}`. */
export function volumeFactsFrom(
  raw: Dockerode.VolumeInspectInfo & { CreatedAt?: string },
): VolumeFacts {
  return {
    name: raw.Name,
    driver: raw.Driver ?? 'local',
    scope: raw.Scope ?? 'local',
    mountpoint: raw.Mountpoint ?? '',
    ...(raw.CreatedAt ? { createdAt: raw.CreatedAt } : {}),
    labels: stringRecord(raw.Labels),
    options: stringRecord(raw.Options),
  };
}

interface RawMount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
  Mode?: string;
  RW?: boolean;
  Propagation?: string;
}

/** Container facts from `GET /containers/{id}/json`. */
export function containerFactsFrom(raw: Dockerode.ContainerInspectInfo): ContainerFacts {
  const mounts: MountFacts[] = [];
  for (const m of (raw.Mounts ?? []) as RawMount[]) {
    const type = m.Type === 'volume' || m.Type === 'bind' || m.Type === 'tmpfs' ? m.Type : null;
    if (!type || !m.Destination) continue;
    const tmpfsOptions =
      type === 'tmpfs' ? tmpfsOptionsFromHostConfig(raw, m.Destination) : undefined;
    mounts.push({
      type,
      ...(type === 'volume' && m.Name ? { name: m.Name } : {}),
      source: m.Source ?? '',
      destination: m.Destination,
      mode: m.Mode ?? '',
      rw: m.RW !== false,
      propagation: m.Propagation ?? '',
      ...(tmpfsOptions !== undefined ? { options: tmpfsOptions } : {}),
    });
  }
  // `--tmpfs` mounts appear only in HostConfig.Tmpfs, not in .Mounts.
  const tmpfs = (raw.HostConfig as { Tmpfs?: Record<string, string> } | undefined)?.Tmpfs ?? {};
  for (const [destination, options] of Object.entries(tmpfs)) {
    if (mounts.some((m) => m.type === 'tmpfs' && m.destination === destination)) continue;
    mounts.push({
      type: 'tmpfs',
      source: '',
      destination,
      mode: options,
      rw: !/(^|,)ro(,|$)/.test(options),
      propagation: '',
      options,
    });
  }
  const state = raw.State?.Status ?? (raw.State?.Running ? 'running' : 'exited');
  return {
    id: raw.Id,
    name: (raw.Name ?? '').replace(/^\//, '') || raw.Id.slice(0, 12),
    state,
    running:
      Boolean(raw.State?.Running) ||
      state === 'running' ||
      state === 'paused' ||
      state === 'restarting',
    created: raw.Created ? Math.floor(Date.parse(raw.Created) / 1000) : 0,
    labels: stringRecord(raw.Config?.Labels),
    mounts,
  };
}

function tmpfsOptionsFromHostConfig(
  raw: Dockerode.ContainerInspectInfo,
  destination: string,
): string | undefined {
  const hostMounts = (
    raw.HostConfig as
      | {
          Mounts?: {
            Type?: string;
            Target?: string;
            TmpfsOptions?: { SizeBytes?: number; Mode?: number };
          }[];
        }
      | undefined
  )?.Mounts;
  const spec = hostMounts?.find((m) => m.Type === 'tmpfs' && m.Target === destination);
  if (!spec?.TmpfsOptions) return undefined;
  const parts: string[] = [];
  if (spec.TmpfsOptions.SizeBytes) parts.push(`size=${spec.TmpfsOptions.SizeBytes}`);
  if (spec.TmpfsOptions.Mode) parts.push(`mode=${spec.TmpfsOptions.Mode.toString(8)}`);
  return parts.join(',');
}
