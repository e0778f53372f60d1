import type { ActionEnv, ActionOutcome } from './action-env';
import { formatBytes } from './build-context';
import type { DemoAction } from './demo-schema';
import { LABEL_RUN } from './run-context';

type Action<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;

/** One image row of `GET /system/df`. */
export interface DfImage {
  Id: string;
  RepoTags?: string[] | null;
  Size: number;
  SharedSize: number;
  Labels?: Record<string, string> | null;
}

/** Rows like `docker system df -v` prints them, for the given images (unique size = size - shared). */
export function formatDfRows(images: readonly DfImage[]): string[] {
  const rows = images.map((i) => {
    const tag = (i.RepoTags ?? []).find((t) => t !== '<none>:<none>') ?? i.Id.slice(7, 19);
    const unique = i.SharedSize >= 0 ? i.Size - i.SharedSize : NaN;
    return [
      tag,
      formatBytes(i.Size),
      i.SharedSize >= 0 ? formatBytes(i.SharedSize) : 'n/a',
      Number.isFinite(unique) ? formatBytes(unique) : 'n/a',
    ];
  });
  const header = ['IMAGE', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  return [header, ...rows].map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/** `docker info`, `docker system df -v`, `docker volume inspect` and `docker volume prune`. */
export async function engineQuery(
  action: Action<'engine-info' | 'system-df' | 'volume-inspect' | 'volume-prune'>,
  env: ActionEnv,
): Promise<ActionOutcome> {
  const { ctx, docker } = env;
  switch (action.kind) {
    case 'engine-info': {
      const info = (await docker.info()) as {
        KernelVersion: string;
        OperatingSystem: string;
        OSType: string;
        Architecture: string;
        Name: string;
        DockerRootDir: string;
      };
      const lines = [
        `Kernel Version:   ${info.KernelVersion}`,
        `Operating System: ${info.OperatingSystem}`,
        `OSType/Arch:      ${info.OSType}/${info.Architecture}`,
        `Docker Root Dir:  ${info.DockerRootDir}`,
      ];
      return { output: lines.join('\n'), value: info.KernelVersion };
    }
    case 'system-df': {
      const df = (await docker.df()) as { Images?: DfImage[]; LayersSize?: number };
      const wanted = ctx.imageName(action.image);
      const mine = (df.Images ?? []).filter(
        (i) =>
          i.Labels?.[LABEL_RUN] === ctx.runId &&
          (i.RepoTags ?? []).some((t) => t.startsWith(`berth-demo-${ctx.runId}-`)),
      );
      const target = mine.find((i) => (i.RepoTags ?? []).includes(wanted));
      if (!target) throw new Error(`${wanted} is not in the engine's disk usage report.`);
      const total = `All images on this engine take ${formatBytes(df.LayersSize ?? 0)}: each layer is counted once, however many images use it.`;
      const prefix = `berth-demo-${ctx.runId}-`;
      const rows = mine.map((i) => {
        const tag = (i.RepoTags ?? []).find((t) => t.startsWith(prefix)) ?? i.Id;
        const shared = i.SharedSize >= 0;
        return [
          tag.slice(prefix.length),
          formatBytes(i.Size),
          shared ? formatBytes(i.SharedSize) : 'n/a',
          shared ? formatBytes(i.Size - i.SharedSize) : 'n/a',
        ];
      });
      rows.push(['all images, each layer once', formatBytes(df.LayersSize ?? 0), '', '']);
      return {
        output: [...formatDfRows(mine), '', total].join('\n'),
        table: { columns: ['Image', 'Size', 'Shared size', 'Unique size'], rows },
        count: mine.length,
        value: String(target.SharedSize),
      };
    }
    case 'volume-prune': {
      // Only this run's volumes: a prune of the whole engine would take other people's data.
      const result = (await docker.pruneVolumes({
        filters: JSON.stringify({ label: [`${LABEL_RUN}=${ctx.runId}`] }),
      })) as {
        VolumesDeleted?: string[] | null;
        SpaceReclaimed?: number;
      };
      const deleted = result.VolumesDeleted ?? [];
      const output = [
        ...(deleted.length ? ['Deleted Volumes:', ...deleted] : []),
        '',
        `Total reclaimed space: ${formatBytes(result.SpaceReclaimed ?? 0)}`,
      ].join('\n');
      return { output, count: deleted.length, value: deleted.join(' ') };
    }
    case 'volume-inspect': {
      const info = await docker.getVolume(ctx.volumeName(action.volume)).inspect();
      const lines = [
        `Name:       ${info.Name}`,
        `Driver:     ${info.Driver}`,
        `Mountpoint: ${info.Mountpoint}`,
        `Scope:      ${info.Scope}`,
      ];
      return { output: lines.join('\n'), value: info.Mountpoint };
    }
  }
}
