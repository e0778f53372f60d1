import { z } from 'zod';
import { event, method, noParams } from './define';

/**
 * Where a network is in its life: created (exists, no container ever joined), in-use (at least
 * one container is connected), unused (containers joined before, none now), removed.
 */
export const networkStateSchema = z.enum(['created', 'in-use', 'unused', 'removed']);
export type NetworkState = z.infer<typeof networkStateSchema>;

/** A published port: host address:port → container port/proto. */
export const publishedPortSchema = z.object({
  hostIp: z.string(),
  hostPort: z.number().int(),
  containerPort: z.number().int(),
  proto: z.string(),
});
export type PublishedPort = z.infer<typeof publishedPortSchema>;

/** One container's attachment to a network. */
export const networkEndpointSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  running: z.boolean(),
  /** Docker's container state: created, running, exited, ... */
  containerState: z.string(),
  ipv4: z.string(),
  ipv6: z.string(),
  mac: z.string(),
  /** Aliases given with `--network-alias` (or by compose: the service name). */
  aliases: z.array(z.string()),
  /** Names other containers on this network can resolve to it (empty where Docker gives no DNS). */
  dnsNames: z.array(z.string()),
  /** Ports published on the engine host (only for the container, not per network). */
  ports: z.array(publishedPortSchema),
});
export type NetworkEndpoint = z.infer<typeof networkEndpointSchema>;

/** A network with its settings, endpoints and state. */
export const networkItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  state: networkStateSchema,
  /** bridge, host and none: Docker makes them and they cannot be removed. */
  builtIn: z.boolean(),
  subnets: z.array(z.object({ subnet: z.string(), gateway: z.string() })),
  ipv6: z.boolean(),
  internal: z.boolean(),
  attachable: z.boolean(),
  labels: z.record(z.string(), z.string()),
  options: z.record(z.string(), z.string()),
  /** Whether containers find each other by name here, and why, in plain words. */
  dns: z.object({ byName: z.boolean(), explanation: z.string() }),
  /** What the driver does, in plain words. */
  driverExplanation: z.string(),
  endpoints: z.array(networkEndpointSchema),
  createdAt: z.string().optional(),
  /** Value of the `berth.owner` label, when Berth created it. */
  berthOwner: z.string().optional(),
  /** Milliseconds since the epoch of the last state change. */
  changedAt: z.number(),
});
export type NetworkItem = z.infer<typeof networkItemSchema>;

/** One line of a network's story. */
export const networkLineageEntrySchema = z.object({
  seq: z.number().int(),
  at: z.number(),
  networkId: z.string(),
  networkName: z.string(),
  /** `state`: the network's state changed; `endpoint`: a container connected or disconnected. */
  type: z.enum(['state', 'endpoint']),
  /** e.g. `created`, `in-use → unused`, `connected`, `disconnected`. */
  action: z.string(),
  from: networkStateSchema.optional(),
  to: networkStateSchema.optional(),
  containerId: z.string().optional(),
  containerName: z.string().optional(),
  ipv4: z.string().optional(),
  /** True when the change was found by listing (reconcile) rather than right after an event. */
  reconciled: z.boolean().optional(),
});
export type NetworkLineageEntry = z.infer<typeof networkLineageEntrySchema>;

export const networkSnapshotSchema = z.object({
  /** Increases with every change. */
  revision: z.number().int(),
  /** Live networks first, then removed ones (most recent first) that still have a story. */
  networks: z.array(networkItemSchema),
  /** True while Docker is unreachable: this is the last known state. */
  stale: z.boolean(),
  /** When the model last matched Docker by listing (ms since the epoch), 0 if never. */
  reconciledAt: z.number(),
  /** Why the list is re-read on a timer: the engine does not report network changes (e.g. Podman). */
  refreshNotice: z.string().optional(),
});
export type NetworkSnapshot = z.infer<typeof networkSnapshotSchema>;

/** How another container reaches the selected one over one shared network. */
export const reachRouteSchema = z.object({
  networkId: z.string(),
  networkName: z.string(),
  peerId: z.string(),
  peerName: z.string(),
  peerRunning: z.boolean(),
  /** Names the peer can use for the selected container here (empty: only the IP works). */
  names: z.array(z.string()),
  /** The selected container's address on this network ('' on host). */
  ip: z.string(),
  /** The route in plain words. */
  explanation: z.string(),
});
export type ReachRoute = z.infer<typeof reachRouteSchema>;

export const reachResultSchema = z.object({
  containerId: z.string(),
  containerName: z.string(),
  routes: z.array(reachRouteSchema),
  /** Networks the container is on that nobody else shares, or why it reaches nobody. */
  notes: z.array(z.string()),
});
export type ReachResult = z.infer<typeof reachResultSchema>;

/** One interface of the engine host, as `ip -o link` / `ip -o addr` show it. */
export const hostInterfaceSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  kind: z.enum(['bridge', 'veth', 'loopback', 'dummy', 'other']),
  state: z.string(),
  mac: z.string(),
  addresses: z.array(z.string()),
  /** The bridge this interface is plugged into (`master`). */
  master: z.string().optional(),
  /** veth: interface index of its peer in the container's namespace. */
  peerIndex: z.number().int().optional(),
  /** veth: the container whose eth0 is the other end, when Berth could match it. */
  containerId: z.string().optional(),
  containerName: z.string().optional(),
  /** veth: the interface name inside the container (eth0, eth1, ...). */
  containerInterface: z.string().optional(),
  /** bridge: the Docker network it belongs to. */
  networkName: z.string().optional(),
});
export type HostInterface = z.infer<typeof hostInterfaceSchema>;

export const hostSideSchema = z.object({
  available: z.boolean(),
  /** Why the host side could not be read, in plain words. */
  reason: z.string().optional(),
  interfaces: z.array(hostInterfaceSchema),
  /** How veths were matched to containers, or why some were not. */
  matching: z.string(),
  readAt: z.number(),
});
export type HostSide = z.infer<typeof hostSideSchema>;

const networkRef = z.string().min(1).max(200);

export const networksMethods = {
  'networks.snapshot': method(
    'Every network with its settings, endpoints and state, plus removed ones that have a story.',
    noParams,
    networkSnapshotSchema,
  ),
  'networks.lineage': method(
    'The story of one network (by id or name: every network that had that name) or of all, oldest first.',
    z
      .object({
        network: networkRef.optional(),
        limit: z.number().int().min(1).max(10000).optional(),
      })
      .strict(),
    z.object({ entries: z.array(networkLineageEntrySchema) }),
  ),
  'networks.reach': method(
    'Who can reach the given container, over which network and by which name.',
    z.object({ container: z.string().min(1).max(200) }).strict(),
    reachResultSchema,
  ),
  'networks.hostSide': method(
    'The engine host’s bridges and veth pairs, read by a short-lived helper on --network host.',
    noParams,
    hostSideSchema,
  ),
  'networks.inspect': method(
    'Raw `docker network inspect` of one network.',
    z.object({ network: networkRef }).strict(),
    z.object({ inspect: z.record(z.string(), z.unknown()) }),
  ),
} as const;

export const networksEvents = {
  'networks.changed': event(
    'The network model changed; query `networks.snapshot` again.',
    z.object({ revision: z.number().int(), at: z.number() }),
  ),
} as const;
