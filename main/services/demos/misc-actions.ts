import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { abortable, type ActionEnv, type ActionOutcome } from './action-env';
import type { DemoAction } from './demo-schema';
import { LABEL_ANONYMOUS, LABEL_RUN } from './run-context';
import { resolveInRunFolder } from './run-folder-path';
import { OutputCollector } from './stream-demux';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

function insideWorkDir(env: ActionEnv, rel: string): string {
  return resolveInRunFolder(env.ctx.workDir, env.ctx.expand(rel));
}

/** Volumes and networks: create, list, connect. */
export async function volumeOrNetwork(
  action: Action<'volume-create' | 'volume-list' | 'network-create' | 'network-connect'>,
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
      const network = await docker.createNetwork({ Name: name, Labels: ctx.labels, CheckDuplicate: true });
      ctx.record('network', name);
      return { output: network.id };
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
    return { output: `wrote ${path.relative(env.ctx.workDir, file)} on the host` };
  }
  const text = await fs.promises.readFile(file, 'utf8');
  return { output: text, value: text.trim() };
}

/** Runs the docker CLI (for compose, which has no Engine API); output streams as it comes. */
export function runDockerCli(args: string[], env: Pick<ActionEnv, 'onOutput' | 'signal'>, cwd: string): Promise<ActionOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal: env.signal });
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
  const args = ['compose', '-p', `berth-${env.ctx.runId}`, '-f', file, ...action.args.map((a) => env.ctx.expand(a))];
  return abortable(runDockerCli(args, env, env.ctx.workDir), env.signal);
}

/** A summary table of values captured by earlier steps. */
export function table(action: Action<'table'>, env: ActionEnv): ActionOutcome {
  const rows = action.rows.map((row) => row.map((cell) => env.ctx.expand(cell)));
  const widths = action.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const output = [line(action.columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  return { output, table: { columns: action.columns, rows }, count: rows.length };
}

/** Whether `docker compose` (the CLI plugin) is available, and if not, why. */
export async function composeAvailable(): Promise<{ available: boolean; reason: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const result = await runDockerCli(['compose', 'version'], { onOutput: () => {}, signal: controller.signal }, process.cwd());
    if (result.exitCode === 0) return { available: true, reason: result.output.trim() };
    return { available: false, reason: `The docker compose plugin is not installed (\`docker compose version\` says: ${result.output.trim().split('\n')[0] ?? 'nothing'}).` };
  } catch (error) {
    return { available: false, reason: `The docker CLI could not be run (${error instanceof Error ? error.message : String(error)}).` };
  } finally {
    clearTimeout(timer);
  }
}
