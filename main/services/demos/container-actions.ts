import fs from 'node:fs';
import type Dockerode from 'dockerode';
import { abortable, watchEnd, type ActionEnv, type ActionOutcome } from './action-env';
import type { DemoAction, DemoMount } from './demo-schema';
import { isNotFound } from './docker-errors';
import { LABEL_ANONYMOUS } from './run-context';
import { resolveInRunFolder } from './run-folder-path';
import { portBindings } from './network-cli';
import { OutputCollector, StreamDemuxer } from './stream-demux';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

const DEFAULT_RUN_TIMEOUT_MS = 60_000;

/**
 * The mount as `--mount` passes it. A volume Docker creates on the fly (a named one on first
 * use, or an anonymous one) gets the run's labels through `VolumeOptions`, like `volume-label=`.
 */
function toMount(env: ActionEnv, mount: DemoMount): Dockerode.MountSettings {
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
      const source = resolveInRunFolder(env.ctx.workDir, mount.source);
      fs.mkdirSync(source, { recursive: true });
      resolveInRunFolder(env.ctx.workDir, mount.source); // still inside once created
      return { Type: 'bind', Source: source, Target: mount.target, ReadOnly: mount.readOnly ?? false };
    }
    case 'tmpfs':
      return { Type: 'tmpfs', Target: mount.target } as Dockerode.MountSettings;
  }
}

function attachOutput(env: ActionEnv, stream: NodeJS.ReadableStream, collector: OutputCollector): void {
  const demux = new StreamDemuxer((which, text) => {
    collector.add(which, text);
    env.onOutput(which, text);
  });
  stream.on('data', (chunk: Buffer) => demux.push(chunk));
}

/** `docker run`: create (with Berth's labels), attach, start, and wait unless detached. */
export async function runContainer(action: Action<'run'>, env: ActionEnv): Promise<ActionOutcome> {
  const { ctx, docker, signal } = env;
  const name = ctx.containerName(action.container);
  const mounts = (action.mounts ?? []).map((m) => toMount(env, m));
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
  ctx.record('container', name);
  for (const m of mounts) if (m.Type === 'volume' && m.Source) ctx.record('volume', m.Source);
  env.containerIds.add(container.id);
  const recordAnonymous = async () => {
    if (!mounts.some((m) => m.Type === 'volume' && !m.Source)) return;
    const info = await container.inspect().catch(() => null);
    for (const m of info?.Mounts ?? []) if (m.Type === 'volume' && m.Name) ctx.record('volume', m.Name);
  };
  if (action.detach) {
    await abortable(container.start(), signal);
    await recordAnonymous();
    return { output: `${container.id.slice(0, 12)} started`, value: container.id };
  }
  const collector = new OutputCollector();
  const stream = (await container.attach({ stream: true, stdout: true, stderr: true })) as NodeJS.ReadableStream;
  const end = watchEnd(stream);
  attachOutput(env, stream, collector);
  // With --rm, wait for the exit (registered before the start, like the CLI) and let the daemon
  // remove the container while the next step goes on; a `state: removed` check waits for it.
  const exitWait = action.autoRemove ? (container.wait({ condition: 'next-exit' }) as Promise<{ StatusCode: number }>) : null;
  exitWait?.catch(() => {});
  await abortable(container.start(), signal);
  if (!action.autoRemove) await recordAnonymous();
  const timeoutMs = action.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The container was still running after ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
  });
  try {
    const waited = exitWait ?? (container.wait({ condition: 'not-running' }) as Promise<{ StatusCode: number }>);
    const result = await abortable(Promise.race([waited, timeout]), signal);
    await end.wait(1000);
    return { exitCode: result.StatusCode, output: collector.text, value: collector.stdout.trim() };
  } finally {
    clearTimeout(timer);
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

/** `docker exec`: runs a command in a running container and collects its output and exit code. */
export async function execInContainer(action: Action<'exec'>, env: ActionEnv): Promise<ActionOutcome> {
  const container = env.docker.getContainer(env.ctx.containerName(action.container));
  const exec = await container.exec({
    Cmd: action.cmd.map((a) => env.ctx.expand(a)),
    AttachStdout: true,
    AttachStderr: true,
    ...(action.user ? { User: action.user } : {}),
  });
  const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream;
  const end = watchEnd(stream);
  const collector = new OutputCollector();
  attachOutput(env, stream, collector);
  await abortable(end.wait(DEFAULT_RUN_TIMEOUT_MS), env.signal);
  const info = await exec.inspect();
  return { exitCode: info.ExitCode ?? undefined, output: collector.text, value: collector.stdout.trim() };
}

/** start, stop (timed), kill, remove and inspect. */
export async function containerLifecycle(
  action: Action<'start' | 'stop' | 'kill' | 'remove' | 'inspect-container'>,
  env: ActionEnv,
): Promise<ActionOutcome> {
  const name = env.ctx.containerName(action.container);
  const container = env.docker.getContainer(name);
  switch (action.kind) {
    case 'start':
      await abortable(container.start(), env.signal);
      return { output: `${name} started` };
    case 'stop': {
      const began = performance.now();
      try {
        await abortable(container.stop(action.timeoutSec !== undefined ? { t: action.timeoutSec } : {}), env.signal);
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 304) throw error;
      }
      const durationMs = performance.now() - began;
      const info = await container.inspect();
      return { output: `${name} stopped after ${(durationMs / 1000).toFixed(2)} s (exit code ${info.State.ExitCode})`, durationMs, exitCode: info.State.ExitCode, value: String(Math.round(durationMs)) };
    }
    case 'kill':
      await container.kill({ signal: action.signal });
      return { output: `sent ${action.signal} to ${name}` };
    case 'remove':
      await container.remove({ v: action.volumes ?? false, force: action.force ?? false });
      return { output: `${name} removed${action.volumes ? ' with its anonymous volumes' : ''}` };
    case 'inspect-container': {
      const info = await container.inspect();
      const mounts = (info.Mounts ?? []).map((m) => `${m.Type} ${m.Name ?? m.Source ?? ''} -> ${m.Destination}${m.RW ? '' : ' (read-only)'}`);
      const tmpfs = Object.keys(info.HostConfig?.Tmpfs ?? {}).map((t) => `tmpfs -> ${t}`);
      const hostMounts = ((info.HostConfig as { Mounts?: { Type: string; Target: string }[] }).Mounts ?? [])
        .filter((m) => m.Type === 'tmpfs')
        .map((m) => `tmpfs -> ${m.Target}`);
      const lines = [`State: ${info.State.Status} (exit code ${info.State.ExitCode})`, ...mounts, ...tmpfs, ...hostMounts];
      return { output: lines.join('\n'), value: info.State.Status };
    }
  }
}

/** The container's lifecycle state now, or "removed" when it is gone. */
export async function containerState(docker: Dockerode, name: string): Promise<string> {
  try {
    const info = await docker.getContainer(name).inspect();
    return info.State.Status;
  } catch (error) {
    if (isNotFound(error)) return 'removed';
    throw error;
  }
}

/**
 * The container's state once it reaches `expected`, or its state after `ms` (states move on
 * their own: an exited `--rm` container is removed by the daemon a moment later).
 */
export async function settledState(docker: Dockerode, name: string, expected: string, ms = 3000): Promise<string> {
  const deadline = Date.now() + ms;
  let state = await containerState(docker, name);
  while (state !== expected && Date.now() < deadline) {
    if (expected === 'removed' && state !== 'running' && state !== 'created') {
      await docker.getContainer(name).wait({ condition: 'removed' }).catch(() => undefined);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    state = await containerState(docker, name);
  }
  return state;
}
