import type { PublishedPort } from '../../contract/networks';

/** What Berth keeps of one network from `docker network ls` / inspect. */
export interface NetworkFacts {
  id: string;
  name: string;
  driver: string;
  scope: string;
  subnets: { subnet: string; gateway: string }[];
  ipv6: boolean;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
  createdAt?: string;
}

/** One container's attachment to one network, from `docker inspect <container>`. */
export interface AttachmentFacts {
  networkId: string;
  networkName: string;
  ipv4: string;
  ipv6: string;
  mac: string;
  aliases: string[];
}

/** What Berth keeps of one container for the network view. */
export interface ContainerNetFacts {
  id: string;
  name: string;
  state: string;
  networks: AttachmentFacts[];
  ports: PublishedPort[];
}

interface RawNetwork {
  Id?: string;
  Name?: string;
  Driver?: string;
  Scope?: string;
  Created?: string;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string }[] | null } | null;
  Labels?: Record<string, string> | null;
  Options?: Record<string, string> | null;
}

/**
 * The gateway Docker picks when none was given (the first address of an IPv4 subnet); inspect
 * leaves it blank in that case.
 */
export function implicitGateway(subnet: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(subnet);
  if (!m) return '';
  const bits = Number(m[5]);
  if (bits > 30) return '';
  const ip = m.slice(1, 5).reduce((acc, part) => acc * 256 + Number(part), 0);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const first = ((ip & mask) >>> 0) + 1;
  return [24, 16, 8, 0].map((shift) => (first >>> shift) & 255).join('.');
}

/** Network facts from a list or inspect answer. */
export function networkFactsFrom(raw: RawNetwork): NetworkFacts {
  return {
    id: raw.Id ?? '',
    name: raw.Name ?? '',
    driver: raw.Driver ?? '',
    scope: raw.Scope ?? 'local',
    subnets: (raw.IPAM?.Config ?? []).map((c) => ({
      subnet: c.Subnet ?? '',
      gateway: c.Gateway || implicitGateway(c.Subnet ?? ''),
    })),
    ipv6: Boolean(raw.EnableIPv6),
    internal: Boolean(raw.Internal),
    attachable: Boolean(raw.Attachable),
    labels: raw.Labels ?? {},
    options: raw.Options ?? {},
    ...(raw.Created ? { createdAt: raw.Created } : {}),
  };
}

interface RawEndpoint {
  NetworkID?: string;
  IPAddress?: string;
  GlobalIPv6Address?: string;
  MacAddress?: string;
  Aliases?: string[] | null;
}

interface RawContainer {
  Id?: string;
  Name?: string;
  State?: { Status?: string } | null;
  NetworkSettings?: {
    Networks?: Record<string, RawEndpoint> | null;
    Ports?: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null;
  } | null;
}

/** Published ports from the `NetworkSettings.Ports` map of a container inspect. */
export function portsFrom(
  ports: Record<string, { HostIp?: string; HostPort?: string }[] | null> | null | undefined,
): PublishedPort[] {
  const result: PublishedPort[] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, proto = 'tcp'] = key.split('/');
    for (const b of bindings ?? []) {
      result.push({
        hostIp: b.HostIp ?? '',
        hostPort: Number(b.HostPort ?? 0),
        containerPort: Number(port),
        proto,
      });
    }
  }
  return result.sort(
    (a, b) => a.containerPort - b.containerPort || a.hostIp.localeCompare(b.hostIp),
  );
}

/** Container facts from `docker inspect <container>`. */
export function containerNetFactsFrom(raw: RawContainer): ContainerNetFacts {
  const id = raw.Id ?? '';
  const short = id.slice(0, 12);
  return {
    id,
    name: (raw.Name ?? '').replace(/^\//, ''),
    state: raw.State?.Status ?? 'unknown',
    networks: Object.entries(raw.NetworkSettings?.Networks ?? {}).map(([name, ep]) => ({
      networkId: ep.NetworkID ?? '',
      networkName: name,
      ipv4: ep.IPAddress ?? '',
      ipv6: ep.GlobalIPv6Address ?? '',
      mac: ep.MacAddress ?? '',
      // Docker adds the short id as an alias on user-defined networks; it is shown as a DNS name.
      aliases: (ep.Aliases ?? []).filter((a) => a !== short),
    })),
    ports: portsFrom(raw.NetworkSettings?.Ports),
  };
}
