import fs from 'node:fs';
import type Dockerode from 'dockerode';
import { abortable, watchEnd, type ActionEnv, type ActionOutcome } from './action-env';
import { attachOutput, DEFAULT_RUN_TIMEOUT_MS } from './container-actions';
import type { DemoAction, DemoMount } from './demo-schema';
import { portBindings } from './network-cli';
import { LABEL_ANONYMOUS } from './run-context';
import { resolveInRunFolder } from './run-folder-path';
import { OutputCollector } from './stream-demux';

type RunAction = Extract<DemoAction, { kind: 'run' }>;

/** A `docker run` container created and attached, not started yet (possibly ahead of its step). */
export interface PreparedRun {
  container: Dockerode.Container;
  name: string;
  mounts: Dockerode.MountSettings[];
  /** The attach stream (foreground runs only); nothing flows on it before the start. */
  stream: NodeJS.ReadableStream | null;
}

/**
 * The mount as `--mount` passes it. A volume Docker creates on the fly (a named one on first
 * use, or an anonymous one) gets the run's labels through `VolumeOptions`, like `volume-label=`.
 */
async function toMount(env: ActionEnv, mount: DemoMount): Promise<Dockerode.MountSettings> {
  switch (mount.type) {
    case 'volume': {
      const name = mount.source ? env.ctx.volumeName(mount.source) : undefined;
      const fresh = !name || !env.ctx.created.volume.has(name);
      const labels = { ...env.ctx.labels, ...(mount.anonymous && !name ? { [LABEL_ANONYMOUS]: mount.anonymous } : {}) };
      return {
        Type: 'volume',
        ...(name ? { Source: name } : {}),
        Target: mount.target,
        ReadOnly: mount.readOnly ?? false,
        ...(fresh ? { VolumeOptions: { Labels: labels } } : {}),
      } as Dockerode.MountSettings;
    }
    case 'bind': {
      if (mount.engineHost) {
        if (!mount.source.startsWith('/')) throw new Error(`An engine-host bind source must be an absolute path, not "${mount.source}".`);
        return { Type: 'bind', Source: mount.source, Target: mount.target, ReadOnly: mount.readOnly ?? false };
      }
      if (env.stage) {
        // A remote engine cannot see this computer's folder: it mounts the copy on its own machine.
        await env.stage.push(mount.source);
        return { Type: 'bind', Source: env.stage.enginePath(mount.source), Target: mount.target, ReadOnly: mount.readOnly ?? false };
      }
      const source = resolveInRunFolder(env.ctx.workDir, mount.source);
      fs.mkdirSync(source, { recursive: true });
      resolveInRunFolder(env.ctx.workDir, mount.source); // still inside once created
      return { Type: 'bind', Source: source, Target: mount.target, ReadOnly: mount.readOnly ?? false };
    }
    case 'tmpfs':
      return { Type: 'tmpfs', Target: mount.target } as Dockerode.MountSettings;
  }
}

/** `docker create` with Berth's labels, then the attach a foreground `docker run` makes before its start. */
export async function prepareRunContainer(action: RunAction, env: ActionEnv): Promise<PreparedRun> {
  const { ctx, docker } = env;
  const name = ctx.containerName(action.container);
  const mounts = await Promise.all((action.mounts ?? []).map((m) => toMount(env, m)));
  const hostConfig: Dockerode.HostConfig = { AutoRemove: action.autoRemove ?? false, Mounts: mounts };
  const network = action.network ?? ctx.defaultNetwork;
  if (network) hostConfig.NetworkMode = ctx.networkName(network);
  const published = portBindings(action.publish ?? []);
  if (action.publish?.length) hostConfig.PortBindings = published.bindings;
  if (action.addHosts?.length) hostConfig.ExtraHosts = action.addHosts;
  if (action.capAdd?.length) hostConfig.CapAdd = action.capAdd;
  if (action.restart) {
    const [policy = 'no', retries] = action.restart.split(':');
    hostConfig.RestartPolicy = { Name: policy, ...(retries ? { MaximumRetryCount: Number(retries) } : {}) };
  }
  if (action.pid) hostConfig.PidMode = action.pid;
  const container = await docker.createContainer({
    name,
    Image: action.image ? ctx.imageName(action.image) : ctx.baseImage,
    ...(action.cmd ? { Cmd: action.cmd.map((a) => ctx.expand(a)) } : {}),
    ...(action.entrypoint ? { Entrypoint: action.entrypoint.map((a) => ctx.expand(a)) } : {}),
    ...(action.user ? { User: action.user } : {}),
    ...(action.stopTimeoutSec !== undefined ? { StopTimeout: action.stopTimeoutSec } : {}),
    ...(action.env ? { Env: Object.entries(action.env).map(([k, v]) => `${k}=${ctx.expand(v)}`) } : {}),
    Labels: ctx.labels,
    Tty: false,
    AttachStdout: !action.detach,
    AttachStderr: !action.detach,
    HostConfig: hostConfig,
    ...(action.publish?.length ? { ExposedPorts: published.exposed } : {}),
    ...(action.aliases?.length && network
      ? { NetworkingConfig: { EndpointsConfig: { [ctx.networkName(network)]: { Aliases: action.aliases } } } }
      : {}),
  });
  env.containerIds.add(container.id);
  if (action.detach) return { container, name, mounts, stream: null };
  try {
    const stream = (await container.attach({ stream: true, stdout: true, stderr: true })) as NodeJS.ReadableStream;
    return { container, name, mounts, stream };
  } catch (error) {
    // Not left half-made: the step's own create would otherwise meet a name conflict.
    await container.remove({ force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * `docker run`: create (with Berth's labels) and attach, unless `prepared` did that already,
 * then start, and wait unless detached.
 */
export async function runContainer(action: RunAction, env: ActionEnv, prepared?: PreparedRun | null): Promise<ActionOutcome> {
  const { ctx, signal } = env;
  const { container, name, mounts, stream: attached } = prepared ?? (await prepareRunContainer(action, env));
  ctx.record('container', name);
  for (const m of mounts) if (m.Type === 'volume' && m.Source) ctx.record('volume', m.Source);
  const recordAnonymous = async () => {
    if (!mounts.some((m) => m.Type === 'volume' && !m.Source)) return;
    const info = await container.inspect().catch(() => null);
    for (const m of info?.Mounts ?? []) if (m.Type === 'volume' && m.Name) ctx.record('volume', m.Name);
  };
  if (action.detach || !attached) {
    await abortable(container.start(), signal);
    await recordAnonymous();
    return { output: `${container.id.slice(0, 12)} started`, value: container.id };
  }
  const stream = attached;
  const collector = new OutputCollector();
  const end = watchEnd(stream);
  attachOutput(env, stream, collector);
  // With --rm, wait for the exit (registered before the start, like the CLI) and let the daemon
  // remove the container while the next step goes on; a `state: removed` check waits for it.
  // The exit is known from the `die` event too, which comes before the daemon has released the
  // container's network and mounts (that, and the removal, go on while the next step starts).
  const exitWait = action.autoRemove ? (container.wait({ condition: 'next-exit' }) as Promise<{ StatusCode: number }>) : null;
  exitWait?.catch(() => {});
  await abortable(container.start(), signal);
  env.onRunning?.();
  if (!action.autoRemove) await recordAnonymous();
  const timeoutMs = action.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The container was still running after ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
  });
  try {
    const waited = exitWait ?? (container.wait({ condition: 'not-running' }) as Promise<{ StatusCode: number }>);
    const died = exitWait && env.exitSeen ? env.exitSeen(container.id).then((code) => ({ StatusCode: code })) : null;
    const result = await abortable(Promise.race([waited, timeout, ...(died ? [died] : [])]), signal);
    await end.wait(1000);
    return { exitCode: result.StatusCode, output: collector.text, value: collector.stdout.trim() };
  } finally {
    clearTimeout(timer);
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}
