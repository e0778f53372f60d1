import type Dockerode from 'dockerode';
import { abortable, watchEnd, type ActionEnv, type ActionOutcome } from './action-env';
import type { DemoAction } from './demo-schema';
import { isNotFound } from './docker-errors';
import { OutputCollector, StreamDemuxer } from './stream-demux';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

/** How long a foreground container or exec may run unless the step says otherwise. */
export const DEFAULT_RUN_TIMEOUT_MS = 60_000;

/** Feeds a multiplexed attach/exec stream to the step's output and to `collector`. */
export function attachOutput(env: ActionEnv, stream: NodeJS.ReadableStream, collector: OutputCollector): void {
  const demux = new StreamDemuxer((which, text) => {
    collector.add(which, text);
    env.onOutput(which, text);
  });
  stream.on('data', (chunk: Buffer) => demux.push(chunk));
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
