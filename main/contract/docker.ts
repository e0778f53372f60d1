import { z } from 'zod';
import { event, method, noParams } from './define';

/** Where the Docker endpoint came from, in the order the docker CLI looks. */
export const dockerHostSourceSchema = z.enum(['settings', 'DOCKER_HOST', 'context', 'default']);

export const dockerConnectionStateSchema = z.enum([
  'connecting',
  'connected',
  'not-running',
  'socket-missing',
  'permission-denied',
  'incompatible-api',
  /** A remote engine whose TLS certificate or SSH host key Berth does not trust. */
  'not-trusted',
  'unreachable',
]);
export type DockerConnectionState = z.infer<typeof dockerConnectionStateSchema>;

export const engineInfoSchema = z.object({
  /** Which engine this is: Docker Engine, Docker Desktop, Podman, or another compatible one. */
  product: z.enum(['docker', 'docker-desktop', 'podman', 'other']).optional(),
  /** Its name for people: "Docker Engine", "Podman". */
  productName: z.string().optional(),
  version: z.string(),
  apiVersion: z.string(),
  os: z.string(),
  arch: z.string(),
  kernelVersion: z.string(),
  storageDriver: z.string(),
  name: z.string(),
  operatingSystem: z.string(),
});
export type EngineInfo = z.infer<typeof engineInfoSchema>;

export const dockerStatusSchema = z.object({
  state: dockerConnectionStateSchema,
  /** The endpoint as a URL, e.g. unix:///var/run/docker.sock or tcp://host:2376. */
  host: z.string(),
  source: dockerHostSourceSchema,
  context: z.string().optional(),
  /** One line a person can read, e.g. "Docker is not running". */
  message: z.string(),
  /** What to do about it, when there is something to do. */
  hint: z.string().optional(),
  /** The error as the system reported it, for the details view. */
  detail: z.string().optional(),
  engine: engineInfoSchema.optional(),
  /** Milliseconds since the epoch when this state began. */
  since: z.number(),
  /** Present while reconnecting. */
  retry: z.object({ attempt: z.number().int(), nextAt: z.number() }).optional(),
});
export type DockerStatus = z.infer<typeof dockerStatusSchema>;

export const volumeSummarySchema = z.object({
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  mountpoint: z.string(),
  createdAt: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  /** Names of containers (running or not) that reference the volume. */
  usedBy: z.array(z.string()),
  inUse: z.boolean(),
});
export type VolumeSummary = z.infer<typeof volumeSummarySchema>;

export const volumeListSchema = z.object({
  volumes: z.array(volumeSummarySchema),
  /** True when Docker is unreachable and this is the last known list. */
  stale: z.boolean(),
  fetchedAt: z.number(),
});
export type VolumeList = z.infer<typeof volumeListSchema>;

/** A Docker network as the resource browser lists it. */
export const networkSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  internal: z.boolean(),
  /** bridge, host and none: Docker's own, cannot be removed. */
  builtIn: z.boolean(),
  subnets: z.array(z.string()),
  containers: z.array(z.object({ id: z.string(), name: z.string(), ipv4: z.string() })),
  createdAt: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  berthOwner: z.string().optional(),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

/** What changed in Docker, so that clients re-query; payloads never carry the truth itself. */
export const dockerScopeSchema = z.enum(['volumes', 'containers', 'images', 'networks']);
export type DockerScope = z.infer<typeof dockerScopeSchema>;

export const dockerMethods = {
  'docker.status': method('The current connection to the Docker daemon.', noParams, dockerStatusSchema),
  'docker.reconnect': method('Drops the connection and tries again at once.', noParams, dockerStatusSchema),
  'docker.listVolumes': method('All volumes with the containers that use them.', noParams, volumeListSchema),
  'docker.listNetworks': method('All networks with their driver, subnets and attached containers.', noParams, z.array(networkSummarySchema)),
} as const;

export const dockerEvents = {
  'docker.status': event('The connection state changed.', dockerStatusSchema),
  'docker.changed': event(
    'Something in Docker changed; re-query the named scopes. Batched.',
    z.object({ scopes: z.array(dockerScopeSchema), at: z.number() }),
  ),
} as const;
