import fs from 'node:fs';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { abortable, type ActionEnv, type ActionOutcome } from './action-env';
import { followJsonStream } from './base-image';
import { formatBytes, makeBuildContext } from './build-context';
import { BuildLogFilter, countCachedSteps, stageImageIds } from './build-log';
import { buildContextDir } from './cli-equivalent';
import type { DemoAction } from './demo-schema';
import { OutputCollector } from './stream-demux';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

export { countCachedSteps } from './build-log';

/** Writes the context files where the shown `docker build` command looks for them. */
async function writeContext(dir: string, files: Record<string, string>, filler: Record<string, number>): Promise<void> {
  for (const [file, content] of [...Object.entries(files), ...Object.entries(filler).map(([f, size]) => [f, Buffer.alloc(size, 'x')] as const)]) {
    const target = path.join(dir, file);
    if (!target.startsWith(`${path.resolve(dir)}${path.sep}`)) throw new Error(`"${file}" is outside the build context.`);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.writeFile(target, content);
  }
}

/**
 * `docker build` with the legacy builder: a tar context (honouring .dockerignore), labelled
 * with `--label` like the shown command. Berth's bookkeeping labels (pid, host) are added the
 * same way but their steps are left out of the log.
 */
export async function buildImage(action: Action<'build'>, env: ActionEnv): Promise<ActionOutcome> {
  const { ctx } = env;
  const tag = ctx.imageName(action.image);
  const files: Record<string, string> = {};
  for (const [file, text] of Object.entries(action.files)) {
    const expanded = ctx.expand(text);
    files[file] = file === 'Dockerfile' ? expanded.replace(/^FROM base\b/gim, `FROM ${ctx.baseImage}`) : expanded;
  }
  await writeContext(buildContextDir(action.image, ctx), files, action.filler ?? {});
  const context = makeBuildContext(files, action.filler ?? {});
  const collector = new OutputCollector();
  const say = (text: string) => {
    collector.add('stdout', text);
    env.onOutput('stdout', text);
  };
  say(`Sending build context to Docker daemon  ${formatBytes(context.bytes)}${context.excluded.length ? ` (.dockerignore left out: ${context.excluded.join(', ')})` : ''}\n`);
  const hidden = Object.keys(ctx.labels).filter((key) => !(key in ctx.publicLabels));
  const filter = new BuildLogFilter(hidden, say);
  const options = { t: tag, rm: true, forcerm: true, networkmode: 'none', version: '1', labels: ctx.labels, abortSignal: env.signal } as unknown as Dockerode.ImageBuildOptions;
  const stream = (await env.docker.buildImage(context.tar as unknown as NodeJS.ReadableStream, options)) as unknown as NodeJS.ReadableStream;
  ctx.record('image', tag);
  try {
    await abortable(
      followJsonStream(stream, (line) => {
        if (typeof line.stream === 'string') filter.push(line.stream);
      }),
      env.signal,
    );
  } finally {
    filter.flush();
    // Earlier stages of a multi-stage build end in untagged images: remember them for the cleanup.
    for (const id of stageImageIds(collector.text)) ctx.record('image', id);
  }
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
