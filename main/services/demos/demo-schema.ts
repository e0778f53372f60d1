import { z } from 'zod';

/**
 * The shape of a demo definition. Demos are TypeScript modules (see `catalogue/`), validated
 * with these schemas when the catalogue loads. Names in steps are logical keys ("data",
 * "writer", "app:v1"); the runner turns them into run-unique Docker names, so two runs never
 * touch each other's resources. Strings may hold `{{container:key}}`, `{{volume:key}}`,
 * `{{network:key}}`, `{{image:key}}`, `{{var:name}}` and `{{run}}` placeholders.
 */

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, ".", "_" and "-"')
  .max(40);
/** `name:tag`; a bare `name` means `name:latest`, exactly as Docker reads it. */
const imageKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*(?::[a-z0-9][a-z0-9._-]*)?$/, 'use "name:tag" (or "name" for latest) in lower case')
  .max(60);

export const mountSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('volume'),
    /** Logical volume key; absent for an anonymous volume. */
    source: key.optional(),
    /** Marks an anonymous volume so later steps can find it (`volume-list` with `anonymous`). */
    anonymous: key.optional(),
    target: z.string().startsWith('/'),
    readOnly: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('bind'),
    /** A folder inside the run's host work folder (or an absolute engine-host path with `engineHost`). */
    source: z.string().min(1),
    target: z.string().startsWith('/'),
    readOnly: z.boolean().optional(),
    /** `source` is an absolute path on the machine dockerd runs on (a helper looking at Docker's own files). */
    engineHost: z.boolean().optional(),
  }),
  z.object({ type: z.literal('tmpfs'), target: z.string().startsWith('/') }),
]);
export type DemoMount = z.infer<typeof mountSchema>;

const command = z.array(z.string()).min(1);

export const actionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('volume-create'), volume: key }),
  z.object({
    kind: z.literal('run'),
    container: key,
    /** Image key of a built/tagged image; absent for the demo base image. */
    image: imageKey.optional(),
    cmd: command.optional(),
    entrypoint: z.array(z.string()).optional(),
    mounts: z.array(mountSchema).optional(),
    /** `none`, `bridge` (the default bridge) or a network key. */
    network: z.string().optional(),
    user: z.string().optional(),
    autoRemove: z.boolean().optional(),
    /** Start and return at once (`docker run -d`) instead of waiting for the exit. */
    detach: z.boolean().optional(),
    stopTimeoutSec: z.number().int().min(0).max(60).optional(),
    /** Environment variables (`-e KEY=value`), overriding the image's ENV. */
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).optional(),
    /** Restart policy (`--restart`): `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N`. */
    restart: z.string().regex(/^(no|always|unless-stopped|on-failure(:\d{1,2})?)$/).optional(),
    /** `host` joins the engine host's PID namespace (`--pid host`), for helpers that look at host processes. */
    pid: z.literal('host').optional(),
    /** Published ports (`-p`): `[hostIp:]hostPort:containerPort[/proto]`; an empty host port picks a free one. */
    publish: z
      .array(z.string().regex(/^(\d{1,3}(\.\d{1,3}){3}:)?\d{0,5}:\d{1,5}(\/(tcp|udp))?$/, 'use [ip:]hostPort:containerPort[/tcp|udp]'))
      .max(8)
      .optional(),
    /** Extra names on the container's (user-defined) network (`--network-alias`). */
    aliases: z.array(key).max(8).optional(),
    /** Extra /etc/hosts entries (`--add-host name:ip`; `host-gateway` means the engine host). */
    addHosts: z.array(z.string().regex(/^[a-z0-9.-]+:[a-z0-9.:-]+$/)).max(8).optional(),
    /** Extra capabilities (`--cap-add`), only NET_ADMIN: helpers that add or remove host links. */
    capAdd: z.array(z.literal('NET_ADMIN')).max(1).optional(),
    /** Upper bound for a foreground run; the step fails when it is reached. */
    timeoutMs: z.number().int().positive().optional(),
  }),
  z.object({ kind: z.literal('exec'), container: key, cmd: command, user: z.string().optional() }),
  z.object({ kind: z.literal('start'), container: key }),
  z.object({ kind: z.literal('stop'), container: key, timeoutSec: z.number().int().min(0).max(60).optional() }),
  z.object({ kind: z.literal('kill'), container: key, signal: z.string().regex(/^SIG[A-Z0-9]+$/) }),
  z.object({ kind: z.literal('remove'), container: key, volumes: z.boolean().optional(), force: z.boolean().optional() }),
  z.object({ kind: z.literal('inspect-container'), container: key }),
  z.object({ kind: z.literal('host-write'), path: z.string().min(1), content: z.string() }),
  z.object({ kind: z.literal('host-read'), path: z.string().min(1) }),
  z.object({
    kind: z.literal('build'),
    image: imageKey,
    /** Context files by relative path; `Dockerfile` is required. `FROM base` means the demo base image. */
    files: z.record(z.string(), z.string()).refine((files) => 'Dockerfile' in files, 'a Dockerfile is required'),
    /** Files filled with this many bytes of filler, to make a context heavy. */
    filler: z.record(z.string(), z.number().int().positive().max(16 * 1024 * 1024)).optional(),
  }),
  z.object({ kind: z.literal('tag'), source: imageKey, target: imageKey }),
  z.object({
    kind: z.literal('image-inspect'),
    image: imageKey,
    /** What becomes the step's value: the image ID (default), its size in bytes, or its first (base) layer digest. */
    show: z.enum(['id', 'size', 'base-layer']).optional(),
  }),
  /** `docker rmi` (no force): untags when other tags remain, deletes with the last one. */
  z.object({ kind: z.literal('image-remove'), image: imageKey }),
  /** `docker system df -v` for the run's images; the value is `image`'s shared size. */
  z.object({ kind: z.literal('system-df'), image: imageKey }),
  /** `docker info`: the engine's kernel, OS and root dir; the value is the kernel version. */
  z.object({ kind: z.literal('engine-info') }),
  /** `docker volume prune`, limited to this run's volumes (label filter); the count is the number removed. */
  z.object({ kind: z.literal('volume-prune') }),
  /** `docker volume inspect`: the value is the volume's Mountpoint on the engine host. */
  z.object({ kind: z.literal('volume-inspect'), volume: key }),
  /** `docker logs` (stdout and stderr of PID 1, as the daemon recorded them). */
  z.object({ kind: z.literal('logs'), container: key }),
  /** `docker diff`: changes in the container's writable layer; the count is the number of changes. */
  z.object({ kind: z.literal('diff'), container: key }),
  /** The volumes mounted in these containers; the count is the number of distinct volumes. */
  z.object({ kind: z.literal('container-volumes'), containers: z.array(key).min(1) }),
  /** Waits until the container was restarted `restarts` times and is no longer restarting; the count is RestartCount. */
  z.object({ kind: z.literal('watch-restarts'), container: key, restarts: z.number().int().min(1).max(10), timeoutMs: z.number().int().positive().max(60_000).optional() }),
  z.object({ kind: z.literal('image-history'), image: imageKey }),
  z.object({
    kind: z.literal('network-create'),
    network: key,
    /** Network driver; bridge when absent. */
    driver: z.enum(['bridge', 'macvlan', 'ipvlan']).optional(),
    /** IPv4 subnet in CIDR form (`--subnet`). */
    subnet: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/).optional(),
    /** No route out of the network (`--internal`). */
    internal: z.boolean().optional(),
    /** Driver options (`-o key=value`), e.g. parent and ipvlan_mode; values may hold placeholders. */
    options: z.record(z.string().regex(/^[a-z_.]+$/), z.string()).optional(),
  }),
  /** `docker port`: the host port Docker picked for a container port (the step's value). */
  z.object({ kind: z.literal('port'), container: key, port: z.number().int().min(1).max(65535), proto: z.enum(['tcp', 'udp']).optional() }),
  z.object({ kind: z.literal('network-connect'), network: key, container: key }),
  z.object({
    kind: z.literal('volume-list'),
    /** Only the anonymous volumes marked with this key. */
    anonymous: key.optional(),
    dangling: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('compose'),
    /** The compose file, written into the run folder. */
    file: z.string(),
    args: command,
  }),
  z.object({
    kind: z.literal('table'),
    columns: z.array(z.string()).min(1),
    rows: z.array(z.array(z.string())).min(1),
  }),
]);
export type DemoAction = z.infer<typeof actionSchema>;
export type DemoActionKind = DemoAction['kind'];

export const expectationSchema = z.union([
  z.object({ exitCode: z.number().int() }).strict(),
  z.object({ exitCodeNot: z.number().int() }).strict(),
  z.object({ outputContains: z.string().min(1) }).strict(),
  z.object({ outputLacks: z.string().min(1) }).strict(),
  z.object({ count: z.number().int().min(0) }).strict(),
  z.object({ hostFileExists: z.string().min(1) }).strict(),
  z.object({ eventSeen: z.object({ type: z.string(), action: z.string() }).strict() }).strict(),
  z.object({ durationUnderMs: z.number().positive() }).strict(),
  z.object({ durationOverMs: z.number().positive() }).strict(),
  z.object({ state: z.enum(['created', 'running', 'exited', 'removed']) }).strict(),
  z.object({ equalsVar: z.string() }).strict(),
  z.object({ differsFromVar: z.string() }).strict(),
  z.object({ lessThanVar: z.string() }).strict(),
]);
export type DemoExpectation = z.infer<typeof expectationSchema>;

/** Engines whose behaviour a demo may describe on its own (Docker Engine's is the default). */
export const demoEngineSchema = z.enum(['podman']);
export type DemoEngine = z.infer<typeof demoEngineSchema>;

/** A step on another engine: what differs, in words for the lesson ("On Podman, …"), and what to expect there instead. */
export const engineStepSchema = z
  .object({
    note: z.string().regex(/^On [A-Z]/, 'start with "On <engine>, …"').max(400),
    /** May be empty only where the difference is that there is nothing to observe (the note says what). */
    expect: z.array(expectationSchema),
  })
  .strict();

/** A whole demo on another engine: skipped with the real limit of that engine that prevents it, or run only after a probe. */
export const engineDemoSchema = z
  .object({
    /** Why the demo cannot run there, in one sentence ("On Podman, …"). */
    skip: z.string().regex(/^On [A-Z]/, 'start with "On <engine>, …"').max(400).optional(),
    /** `network-dns`: containers on user-defined networks must resolve each other by name (Podman needs its DNS plugin). */
    requires: z.literal('network-dns').optional(),
  })
  .strict();

export const stepSchema = z.object({
  title: z.string().min(1).max(120),
  /** What this step shows, in one or two sentences. */
  explain: z.string().max(600).optional(),
  action: actionSchema,
  expect: z.array(expectationSchema).default([]),
  /** Stores the step's value (output, image id, context size...) for later steps. */
  capture: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/).optional(),
  /** Where an engine really behaves otherwise: the difference, stated, with its own expectations. */
  onEngine: z.object({ podman: engineStepSchema.optional() }).strict().optional(),
});
export type DemoStep = z.infer<typeof stepSchema>;

export const demoTopicSchema = z.enum(['Storage', 'Images', 'Runtime', 'Networking', 'Compose']);
export type DemoTopic = z.infer<typeof demoTopicSchema>;

/** A common wrong belief a demo corrects; the claim check flags note sentences that state it. */
export const misconceptionSchema = z
  .object({
    /** The wrong belief as students write it, in one sentence. */
    claim: z.string().min(1).max(240),
    /** Other ways students say the same thing. */
    variants: z.array(z.string().min(1).max(240)).max(12).optional(),
    /** One line: what is true instead (shown in the flag's popover). */
    correction: z.string().min(1).max(300),
  })
  .strict();
export type DemoMisconception = z.infer<typeof misconceptionSchema>;

export const demoSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    title: z.string().min(1).max(100),
    summary: z.string().min(1).max(400),
    topic: demoTopicSchema,
    /** The note this demo proves, as a path inside the vault (e.g. "Storage/Named Volumes.md"). */
    note: z.string().endsWith('.md'),
    heading: z.string().optional(),
    /** What the demo proves, as short sentences ("a named volume outlives its container"). */
    claims: z.array(z.string().min(1).max(200)).max(10).optional(),
    /** Words and phrases students use for the topic, with synonyms and common spellings. */
    keywords: z.array(z.string().min(1).max(60)).max(40).optional(),
    /** Headings of student notes this demo fits ("Anonymous Volumes", "Dangling volumes"). */
    headings: z.array(z.string().min(1).max(100)).max(12).optional(),
    /** Common misconceptions the demo corrects. */
    misconceptions: z.array(misconceptionSchema).max(6).optional(),
    /** Something the host must offer; without it the demo is skipped with the reason. */
    requires: z.enum(['compose', 'dummy-link']).optional(),
    /** Network for every container of the demo unless a step names one (`none` keeps storage demos off the bridge). */
    network: z.string().optional(),
    /** Engines this demo cannot run on, each with the engine limit that prevents it. */
    onEngine: z.object({ podman: engineDemoSchema.optional() }).strict().optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();
export type Demo = z.infer<typeof demoSchema>;
export type DemoInput = z.input<typeof demoSchema>;
