import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { abortable, type ActionEnv, type ActionOutcome } from './action-env';
import type { DemoAction } from './demo-schema';
import { LABEL_ANONYMOUS, LABEL_RUN } from './run-context';
import { resolveInRunFolder } from './run-folder-path';
import { composeTool } from './compose-tool';
import { OutputCollector } from './stream-demux';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

function insideWorkDir(env: ActionEnv, rel: string): string {
  return resolveInRunFolder(env.ctx.workDir, env.ctx.expand(rel));
}

/** Volumes and networks: create, list, connect; `docker port`. */
export async function volumeOrNetwork(
  action: Action<'volume-create' | 'volume-list' | 'network-create' | 'network-connect' | 'port'>,
  env: ActionEnv,
): Promise<ActionOutcome> {
  const { ctx, docker } = env;
  switch (action.kind) {
    case 'volume-create': {
      const name = ctx.volumeName(action.volume);
      await docker.createVolume({ Name: name, Labels: ctx.labels });
      ctx.record('volume', name);
      return { output: name };
    }
    case 'volume-list': {
      const label = [`${LABEL_RUN}=${ctx.runId}`];
      if (action.anonymous) label.push(`${LABEL_ANONYMOUS}=${action.anonymous}`);
      const filters: Record<string, string[]> = { label };
      if (action.dangling) filters.dangling = ['true'];
      const list = await docker.listVolumes({ filters: JSON.stringify(filters) });
      const names = (list.Volumes ?? []).map((v) => v.Name).sort();
      for (const name of names) ctx.record('volume', name);
      return { output: names.length ? `DRIVER    VOLUME NAME\n${names.map((n) => `local     ${n}`).join('\n')}` : '(no volumes)', count: names.length, value: names.join(' ') };
    }
    case 'network-create': {
      const name = ctx.networkName(action.network);
      const network = await docker.createNetwork({
        Name: name,
        Labels: ctx.labels,
        CheckDuplicate: true,
        ...(action.driver ? { Driver: action.driver } : {}),
        ...(action.internal ? { Internal: true } : {}),
        ...(action.subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: action.subnet }] } } : {}),
        ...(action.options
          ? { Options: Object.fromEntries(Object.entries(action.options).map(([k, v]) => [k, ctx.expand(v)])) }
          : {}),
      });
      ctx.record('network', name);
      return { output: network.id };
    }
    case 'port': {
      const name = ctx.containerName(action.container);
      const info = await docker.getContainer(name).inspect();
      const key = `${action.port}/${action.proto ?? 'tcp'}`;
      const bindings = info.NetworkSettings.Ports?.[key] ?? [];
      if (!bindings.length) return { exitCode: 1, output: `Error: No public port '${key}' published for ${name}`, value: '' };
      const output = bindings.map((b) => `${b.HostIp || '0.0.0.0'}:${b.HostPort}`).join('\n');
      env.onOutput('stdout', `${output}\n`);
      return { exitCode: 0, output, value: bindings[0]!.HostPort };
    }
    case 'network-connect': {
      await docker.getNetwork(ctx.networkName(action.network)).connect({ Container: ctx.containerName(action.container) });
      return { output: `${ctx.containerName(action.container)} joined ${ctx.networkName(action.network)}` };
    }
  }
}

/** Host files in the run folder (the other side of bind mounts). */
export async function hostFile(action: Action<'host-write' | 'host-read'>, env: ActionEnv): Promise<ActionOutcome> {
  const file = insideWorkDir(env, action.path);
  if (action.kind === 'host-write') {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, env.ctx.expand(action.content));
    await env.stage?.push(path.relative(env.ctx.workDir, file));
    return { output: `wrote ${path.relative(env.ctx.workDir, file)} on the host${env.stage ? " and copied it to the engine's machine" : ''}` };
  }
  if (env.stage) await env.stage.pull(path.relative(env.ctx.workDir, file));
  const text = await fs.promises.readFile(file, 'utf8');
  return { output: text, value: text.trim() };
}

/** Runs the docker CLI (for compose, which has no Engine API); output streams as it comes. */
export function runDockerCli(
  args: string[],
  env: Pick<ActionEnv, 'onOutput' | 'signal'>,
  cwd: string,
  program = 'docker',
  extraEnv: Record<string, string> = {},
): Promise<ActionOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal: env.signal, env: { ...process.env, ...extraEnv } });
    const collector = new OutputCollector();
    child.stdout.on('data', (chunk: Buffer) => {
      collector.add('stdout', chunk.toString());
      env.onOutput('stdout', chunk.toString());
    });
    child.stderr.on('data', (chunk: Buffer) => {
      collector.add('stderr', chunk.toString());
      env.onOutput('stderr', chunk.toString());
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, output: collector.text, value: collector.stdout.trim() }));
  });
}

/** `docker compose`, with the compose file written into the run folder and a run-unique project. */
export async function compose(action: Action<'compose'>, env: ActionEnv): Promise<ActionOutcome> {
  const file = insideWorkDir(env, 'compose.yaml');
  await fs.promises.writeFile(file, env.ctx.expand(action.file));
  const tool = composeTool();
  const args = [...tool.argv.slice(1), '-p', `berth-${env.ctx.runId}`, '-f', file, ...action.args.map((a) => env.ctx.expand(a))];
  env.onOutput('stdout', `(${tool.version})\n`);
  // Compose files label what they make with berth.pid/berth.host from here, so sweeps can clean up after a crash.
  const labels = env.ctx.labels;
  const extraEnv = { BERTH_PID: labels['berth.pid'] ?? '', BERTH_HOST: labels['berth.host'] ?? '' };
  return abortable(runDockerCli(args, env, env.ctx.workDir, tool.argv[0], extraEnv), env.signal);
}

/** A summary table of values captured by earlier steps. */
export function table(action: Action<'table'>, env: ActionEnv): ActionOutcome {
  const rows = action.rows.map((row) => row.map((cell) => env.ctx.expand(cell)));
  const widths = action.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const output = [line(action.columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  return { output, table: { columns: action.columns, rows }, count: rows.length };
}

/** Whether compose is available (the plugin, else standalone docker-compose), and if not, why. */
export function composeAvailable(): Promise<{ available: boolean; reason: string }> {
  const tool = composeTool();
  return Promise.resolve({ available: tool.available, reason: tool.version });
}
