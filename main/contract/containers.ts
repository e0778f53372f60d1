import { z } from 'zod';
import { event, method, noParams } from './define';

/** A published or exposed port of a container. */
export const containerPortSchema = z.object({
  privatePort: z.number().int(),
  publicPort: z.number().int().optional(),
  ip: z.string().optional(),
  type: z.string(),
});
export type ContainerPort = z.infer<typeof containerPortSchema>;

/** A mount of a container: volume, bind or tmpfs. */
export const containerMountSchema = z.object({
  type: z.string(),
  /** Volume name (volumes only). */
  name: z.string().optional(),
  source: z.string(),
  destination: z.string(),
  rw: z.boolean(),
});
export type ContainerMount = z.infer<typeof containerMountSchema>;

/** One container as `docker ps -a` sees it, plus its mounts and networks. */
export const containerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  imageId: z.string(),
  command: z.string(),
  /** Docker's state: created, running, paused, restarting, exited, dead, removing. */
  state: z.string(),
  /** Docker's human status, e.g. "Up 3 minutes" or "Exited (0) 2 hours ago". */
  status: z.string(),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
  ports: z.array(containerPortSchema),
  mounts: z.array(containerMountSchema),
  networks: z.array(z.string()),
  labels: z.record(z.string(), z.string()),
  /** Value of the `berth.owner` label when Berth created it (demo, helper, ...). */
  berthOwner: z.string().optional(),
});
export type ContainerSummary = z.infer<typeof containerSummarySchema>;

export const containerListSchema = z.object({
  containers: z.array(containerSummarySchema),
  fetchedAt: z.number(),
});
export type ContainerList = z.infer<typeof containerListSchema>;

/** What `docker inspect` adds to the summary for the detail panel. */
export const containerDetailSchema = containerSummarySchema.extend({
  exitCode: z.number().int().optional(),
  /** ISO times; absent when never started / not finished. */
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  restartCount: z.number().int(),
  restartPolicy: z.string(),
  entrypoint: z.array(z.string()),
  cmd: z.array(z.string()),
  env: z.array(z.string()),
  workingDir: z.string(),
  /** Network name → IP address in it. */
  addresses: z.record(z.string(), z.string()),
  error: z.string().optional(),
});
export type ContainerDetail = z.infer<typeof containerDetailSchema>;

/** One line of a container's output. */
export const logLineSchema = z.object({
  stream: z.enum(['stdout', 'stderr']),
  text: z.string(),
});
export type LogLine = z.infer<typeof logLineSchema>;

export const containerLogsSchema = z.object({
  lines: z.array(logLineSchema),
  /** The tail that was asked for; fewer lines means that is all there is. */
  tail: z.number().int(),
  fetchedAt: z.number(),
});
export type ContainerLogs = z.infer<typeof containerLogsSchema>;

/** The outcome of an action, with the docker CLI command that does the same. */
export const containerActionResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  cli: z.string(),
});
export type ContainerActionResult = z.infer<typeof containerActionResultSchema>;

const idParams = z.object({ id: z.string().min(1).max(200) }).strict();

export const containersMethods = {
  'containers.list': method(
    'All containers, running or not, with mounts, networks and ports.',
    noParams,
    containerListSchema,
  ),
  'containers.inspect': method('One container in detail.', idParams, containerDetailSchema),
  'containers.start': method('Starts a stopped container.', idParams, containerActionResultSchema),
  'containers.stop': method(
    'Stops a running container (SIGTERM, then SIGKILL after the timeout).',
    z
      .object({
        id: z.string().min(1).max(200),
        timeoutSeconds: z.number().int().min(0).max(120).default(5),
      })
      .strict(),
    containerActionResultSchema,
  ),
  'containers.remove': method(
    'Removes a container; a running one only with force. Anonymous volumes go with it only when asked.',
    z
      .object({
        id: z.string().min(1).max(200),
        force: z.boolean().default(false),
        volumes: z.boolean().default(false),
      })
      .strict(),
    containerActionResultSchema,
  ),
  'containers.logs': method(
    'The last lines a container printed, stdout and stderr apart.',
    z
      .object({
        id: z.string().min(1).max(200),
        tail: z.number().int().min(1).max(5000).default(200),
      })
      .strict(),
    containerLogsSchema,
  ),
} as const;

export const containersEvents = {
  'containers.changed': event(
    'Containers changed in Docker; re-query. Batched.',
    z.object({ at: z.number() }),
  ),
} as const;
