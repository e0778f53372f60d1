import type Dockerode from 'dockerode';
import { abortable, type ActionEnv, type ActionOutcome } from './action-env';
import { followJsonStream } from './base-image';
import { formatBytes, makeBuildContext } from './build-context';
import type { DemoAction } from './demo-schema';
import { LABEL_RUN } from './run-context';
import { OutputCollector } from './stream-demux';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

/** Counts the Dockerfile steps served from the cache, not counting Berth's own LABEL step. */
export function countCachedSteps(log: string): number {
  return log
    .split(/^Step \d+\/\d+ : /m)
    .slice(1)
    .filter((block) => !block.startsWith('LABEL berth.owner=') && block.includes('Using cache')).length;
}

/** Puts `labelLine` at the end of every stage of a Dockerfile, so that no stage's image goes unlabelled. */
export function labelEveryStage(dockerfile: string, labelLine: string): string {
  const out: string[] = [];
  let seenFrom = false;
  for (const line of dockerfile.trimEnd().split('\n')) {
    if (/^\s*FROM\s/i.test(line)) {
      if (seenFrom) out.push(labelLine);
      seenFrom = true;
    }
    out.push(line);
  }
  return `${out.join('\n')}\n${labelLine}\n`;
}

/** `docker build` with the legacy builder: a tar context (honouring .dockerignore), labelled image. */
export async function buildImage(action: Action<'build'>, env: ActionEnv): Promise<ActionOutcome> {
  const { ctx } = env;
  const tag = ctx.imageName(action.image);
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries(action.files)) {
    const expanded = ctx.expand(text);
    files[file] = file === 'Dockerfile' ? expanded.replace(/^FROM base\b/gim, `FROM ${ctx.baseImage}`) : expanded;
  }
  // One LABEL step at the end of every stage (the `labels` build option would add one step per label).
  const labelLine = `LABEL ${Object.entries(ctx.labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`;
  files.Dockerfile = labelEveryStage(files.Dockerfile ?? '', labelLine);
  const context = makeBuildContext(files, action.filler ?? {});
  const collector = new OutputCollector();
  const say = (text: string) => {
    collector.add('stdout', text);
    env.onOutput('stdout', text);
  };
  say(`Sending build context to Docker daemon  ${formatBytes(context.bytes)}${context.excluded.length ? ` (.dockerignore left out: ${context.excluded.join(', ')})` : ''}\n`);
  const options = { t: tag, rm: true, forcerm: true, networkmode: 'none', version: '1', abortSignal: env.signal } as unknown as Dockerode.ImageBuildOptions;
  const stream = (await env.docker.buildImage(context.tar as unknown as NodeJS.ReadableStream, options)) as unknown as NodeJS.ReadableStream;
  ctx.record('image', tag);
  await abortable(
    followJsonStream(stream, (line) => {
      if (typeof line.stream === 'string') say(line.stream);
    }),
    env.signal,
  );
  // Earlier stages of a multi-stage build end in untagged (labelled) images: remember them for the cleanup.
  const stages = await env.docker.listImages({ filters: JSON.stringify({ label: [`${LABEL_RUN}=${ctx.runId}`], dangling: ['true'] }) });
  for (const stage of stages) ctx.record('image', stage.Id);
  const cached = countCachedSteps(collector.text);
  return { output: collector.text, count: cached, value: String(context.bytes), exitCode: 0 };
}

/** `docker tag`, `docker image inspect`, `docker history` and `docker rmi`. */
export async function imageMeta(action: Action<'tag' | 'image-inspect' | 'image-history' | 'image-remove'>, env: ActionEnv): Promise<ActionOutcome> {
  const { ctx, docker } = env;
  switch (action.kind) {
    case 'tag': {
      const target = ctx.imageName(action.target);
      const [repo = target, tag = 'latest'] = target.split(':');
      await docker.getImage(ctx.imageName(action.source)).tag({ repo, tag });
      ctx.record('image', target);
      return { output: `${target} now points at ${ctx.imageName(action.source)}` };
    }
    case 'image-inspect': {
      const info = await docker.getImage(ctx.imageName(action.image)).inspect();
      const digests = info.RepoDigests ?? [];
      const lines = [
        `Id:          ${info.Id}`,
        `RepoTags:    ${(info.RepoTags ?? []).join(', ') || '(none)'}`,
        `RepoDigests: ${digests.length ? digests.join(', ') : '(none: a repo digest exists only once a registry stores the image; locally the image ID is its content address)'}`,
        `Size:        ${formatBytes(info.Size)}`,
        `Layers:      ${info.RootFS?.Layers?.length ?? 0}`,
        ...(info.RootFS?.Layers ?? []).map((layer, i) => `  ${i === 0 ? 'base ' : `#${i}   `}${layer}`),
      ];
      const show = action.show ?? 'id';
      const value = show === 'size' ? String(info.Size) : show === 'base-layer' ? (info.RootFS?.Layers?.[0] ?? '(no layers)') : info.Id;
      return { output: lines.join('\n'), value };
    }
    case 'image-history': {
      const history = (await docker.getImage(ctx.imageName(action.image)).history()) as { Id: string; CreatedBy: string; Size: number }[];
      const lines = history.map((h) => `${h.Id === '<missing>' ? '<missing>   ' : h.Id.replace('sha256:', '').slice(0, 12)}  ${formatBytes(h.Size).padStart(8)}  ${h.CreatedBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').slice(0, 90)}`);
      return { output: lines.join('\n'), count: history.length, value: String(history.length) };
    }
    case 'image-remove': {
      const name = ctx.imageName(action.image);
      const removed = (await docker.getImage(name).remove()) as { Untagged?: string; Deleted?: string }[];
      const lines = removed.map((r) => (r.Untagged ? `Untagged: ${r.Untagged}` : `Deleted: ${r.Deleted ?? ''}`));
      return { output: lines.join('\n'), count: removed.filter((r) => r.Deleted).length, exitCode: 0 };
    }
  }
}
