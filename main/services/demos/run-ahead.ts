import type Dockerode from 'dockerode';
import type { ActionEnv } from './action-env';
import type { DemoAction } from './demo-schema';
import type { RunContext } from './run-context';
import { prepareRunContainer, type PreparedRun } from './run-container';

/**
 * Whether the next step's container may be created (not started) while the current step's
 * container still runs, without changing what any step sees: only when making it now has no
 * effect but the container itself. So not when it would create a volume (a new named one, an
 * anonymous one, or one from the image's VOLUME), needs a value the running step captures, a
 * network, image or host folder an earlier step has not made yet, or reuses a container name.
 */
export async function mayCreateAhead(next: DemoAction | undefined, ctx: RunContext, docker: Dockerode): Promise<boolean> {
  if (next?.kind !== 'run') return false;
  if (JSON.stringify(next).includes('{{var:')) return false;
  if (ctx.created.container.has(ctx.containerName(next.container))) return false;
  for (const mount of next.mounts ?? []) {
    if (mount.type === 'volume' && (!mount.source || !ctx.created.volume.has(ctx.volumeName(mount.source)))) return false;
    if (mount.type === 'bind' && !mount.engineHost) return false;
  }
  const network = next.network ?? ctx.defaultNetwork;
  if (network && !['none', 'bridge', 'host'].includes(network) && !ctx.created.network.has(ctx.networkName(network))) return false;
  if (next.image && !ctx.created.image.has(ctx.imageName(next.image))) return false;
  const image = await docker.getImage(next.image ? ctx.imageName(next.image) : ctx.baseImage).inspect();
  return Object.keys(image.Config?.Volumes ?? {}).length === 0;
}

/**
 * Creates the next step's container while the current one runs (when {@link mayCreateAhead}
 * allows), and hands it to that step. The step itself still starts it, so the visible order,
 * output and expectations stay those of one `docker run` after the other.
 */
export class RunLookahead {
  private pending: { index: number; prepared: Promise<PreparedRun | null> } | null = null;

  /** Starts making step `index`'s container, if that is safe; a failure just leaves it to the step. */
  begin(index: number, action: DemoAction | undefined, env: ActionEnv): void {
    if (this.pending) return;
    const prepared = mayCreateAhead(action, env.ctx, env.docker)
      .then((ok) => (ok && action?.kind === 'run' ? prepareRunContainer(action, env) : null))
      .catch(() => null);
    this.pending = { index, prepared };
  }

  /** The container made ahead for step `index`, or null (the step creates its own). */
  take(index: number): Promise<PreparedRun | null> {
    const pending = this.pending;
    if (!pending || pending.index !== index) return Promise.resolve(null);
    this.pending = null;
    return pending.prepared;
  }

  /** Waits for a creation still in flight; the name of a container no step took, so cleanup removes it. */
  async settle(): Promise<string | null> {
    const pending = this.pending;
    this.pending = null;
    const prepared = await pending?.prepared;
    if (!prepared) return null;
    (prepared.stream as (NodeJS.ReadableStream & { destroy?: () => void }) | null)?.destroy?.();
    return prepared.name;
  }
}
