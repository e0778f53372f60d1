import { abortable, type ActionEnv, type ActionOutcome } from './action-env';
import type { DemoAction } from './demo-schema';
import { OutputCollector, StreamDemuxer } from './stream-demux';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

const DIFF_KINDS: Record<number, string> = { 0: 'C', 1: 'A', 2: 'D' };

/** One `docker diff` line per change, as the CLI prints them ("A /notes.txt"). */
export function formatChanges(changes: readonly { Kind: number; Path: string }[]): string {
  return changes.map((c) => `${DIFF_KINDS[c.Kind] ?? '?'} ${c.Path}`).join('\n');
}

/** Volume names per container, from inspect's Mounts, and the distinct names across all of them. */
export function volumesByContainer(
  mounts: readonly {
    container: string;
    mounts: readonly { Type?: string; Name?: string; Destination: string }[];
  }[],
): { lines: string[]; distinct: string[] } {
  const lines: string[] = [];
  const distinct = new Set<string>();
  for (const { container, mounts: list } of mounts) {
    const volumes = list.filter((m) => m.Type === 'volume' && m.Name);
    if (!volumes.length) lines.push(`${container}: (no volumes)`);
    for (const m of volumes) {
      lines.push(`${container}: ${m.Name} -> ${m.Destination}`);
      distinct.add(m.Name ?? '');
    }
  }
  return { lines, distinct: [...distinct] };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `docker logs`, `docker diff`, the volumes of containers, and waiting for restarts. */
export async function containerInsight(
  action: Action<'logs' | 'diff' | 'container-volumes' | 'watch-restarts'>,
  env: ActionEnv,
): Promise<ActionOutcome> {
  const { ctx, docker } = env;
  switch (action.kind) {
    case 'logs': {
      const raw = (await docker
        .getContainer(ctx.containerName(action.container))
        .logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
      const collector = new OutputCollector();
      const demux = new StreamDemuxer((which, text) => {
        collector.add(which, text);
        env.onOutput(which, text);
      });
      demux.push(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw)));
      const lines = collector.text.split('\n').filter((l) => l.trim()).length;
      return {
        output: collector.text || '(no log output)',
        count: lines,
        value: collector.text.trim(),
      };
    }
    case 'diff': {
      const changes = ((await docker.getContainer(ctx.containerName(action.container)).changes()) ??
        []) as { Kind: number; Path: string }[];
      const output = formatChanges(changes);
      return { output: output || '(no changes)', count: changes.length, value: output };
    }
    case 'container-volumes': {
      const infos = await Promise.all(
        action.containers.map(async (key) => {
          const name = ctx.containerName(key);
          const info = await docker.getContainer(name).inspect();
          return { container: name, mounts: info.Mounts ?? [] };
        }),
      );
      const { lines, distinct } = volumesByContainer(infos);
      // Volumes an image's VOLUME created carry no Berth labels; recording them gets them cleaned up by name.
      for (const name of distinct) ctx.record('volume', name);
      return { output: lines.join('\n'), count: distinct.length, value: distinct.join(' ') };
    }
    case 'watch-restarts': {
      const container = docker.getContainer(ctx.containerName(action.container));
      const deadline = Date.now() + (action.timeoutMs ?? 20_000);
      const seen: number[] = [];
      let info = await container.inspect();
      for (;;) {
        if (seen[seen.length - 1] !== info.RestartCount) seen.push(info.RestartCount);
        const settled =
          info.RestartCount >= action.restarts && !info.State.Restarting && !info.State.Running;
        if (settled || Date.now() > deadline) break;
        await abortable(delay(100), env.signal);
        info = await container.inspect();
      }
      const output = `RestartCount ${seen.join(' → ')}; state ${info.State.Status} (exit code ${info.State.ExitCode})`;
      return { output, count: info.RestartCount, value: String(info.RestartCount) };
    }
  }
}
