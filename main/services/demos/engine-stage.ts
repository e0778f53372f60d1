import fs from 'node:fs';
import path from 'node:path';
import type Dockerode from 'dockerode';
import type { Demo } from './demo-schema';
import { isNotFound } from './docker-errors';
import { LABEL_OWNER } from './run-context';
import { resolveInRunFolder } from './run-folder-path';
import { firstTarFile, packTar, type TarEntry } from './tar-pack';

/** Where a run's bind-mount folders live on a remote engine's machine (never this machine's run folder). */
export const ENGINE_STAGE_ROOT = '/tmp/berth-engine-stage';

/** What a demo step says when its folder had to be copied to the engine's machine. */
export const ENGINE_STAGE_NOTE =
  "The folder is on the engine's machine, not on this computer: Berth copied the files there (and back) through a helper container.";

/** True when Docker is reached over the network (tcp, TLS, ssh) rather than a local socket or pipe: its files are not ours. */
export function isRemoteEngine(docker: Dockerode): boolean {
  return !(docker.modem as { socketPath?: unknown }).socketPath;
}

/** True when the demo bind-mounts folders of the run folder (which a remote engine cannot see). */
export function usesRunFolderBinds(demo: Demo): boolean {
  return demo.steps.some((s) => s.action.kind === 'run' && (s.action.mounts ?? []).some((m) => m.type === 'bind' && !m.engineHost));
}

function entriesOf(local: string, archivePath: string): TarEntry[] {
  const stat = fs.statSync(local);
  if (!stat.isDirectory()) return [{ path: archivePath, content: fs.readFileSync(local), mode: stat.mode & 0o777 }];
  const inside = fs.readdirSync(local).flatMap((name) => entriesOf(path.join(local, name), `${archivePath}/${name}`));
  return [{ path: archivePath, content: Buffer.alloc(0), directory: true }, ...inside];
}

/** A helper that sees the stage root at `/stage`, labelled like the run with `berth.owner=helper`. */
function createStageHelper(docker: Dockerode, image: string, runLabels: Record<string, string>, cmd: string[], name?: string): Promise<Dockerode.Container> {
  return docker.createContainer({
    ...(name ? { name } : {}),
    Image: image,
    Cmd: cmd,
    Labels: { ...runLabels, [LABEL_OWNER]: 'helper' },
    HostConfig: { Binds: [`${ENGINE_STAGE_ROOT}:/stage`], NetworkMode: 'none' },
  });
}

/**
 * A run's folders on the engine's machine: files go there and come back through a helper
 * container (created, never started: Docker's archive API reaches its bind mount), labelled
 * `berth.owner=helper`, and removed with the folder when the run ends.
 */
export class EngineStage {
  private helper: Promise<Dockerode.Container> | null = null;

  constructor(
    private readonly docker: Dockerode,
    private readonly runId: string,
    private readonly workDir: string,
    private readonly image: string,
    /** The run's labels; the helper carries them with `berth.owner=helper`. */
    private readonly runLabels: Record<string, string>,
  ) {}

  /** The engine-host path of a run-folder path. */
  enginePath(relative: string): string {
    return path.posix.join(ENGINE_STAGE_ROOT, this.runId, relative);
  }

  /** A run-folder path on this computer, and the same path inside the stage (`<runId>/…`). */
  private locate(relative: string): { local: string; inStage: string } {
    const local = resolveInRunFolder(this.workDir, relative);
    return { local, inStage: path.posix.join(this.runId, path.relative(this.workDir, local).split(path.sep).join('/')) };
  }

  private container(): Promise<Dockerode.Container> {
    this.helper ??= createStageHelper(this.docker, this.image, this.runLabels, ['true'], stageHelperName(this.runId));
    return this.helper;
  }

  /** Copies a file or folder of the run folder (created empty when missing) to the engine's machine. */
  async push(relative: string): Promise<void> {
    const { local, inStage } = this.locate(relative);
    if (!fs.existsSync(local)) fs.mkdirSync(local, { recursive: true });
    const helper = await this.container();
    await helper.putArchive(packTar(entriesOf(local, inStage)), { path: '/stage' });
  }

  /** Copies a file from the engine's machine into the run folder; false when it is not there. */
  async pull(relative: string): Promise<boolean> {
    const { local, inStage } = this.locate(relative);
    const helper = await this.container();
    let archive: Buffer;
    try {
      const stream = (await helper.getArchive({ path: `/stage/${inStage}` })) as NodeJS.ReadableStream;
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
      archive = Buffer.concat(chunks);
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    const content = firstTarFile(archive);
    if (!content) return false;
    await fs.promises.mkdir(path.dirname(local), { recursive: true });
    await fs.promises.writeFile(local, content);
    return true;
  }

  /** Removes the run's folder on the engine's machine, then the helper. Never throws. */
  async dispose(): Promise<void> {
    const helper = await this.helper?.catch(() => null);
    if (!helper) return;
    await removeStagedFolder(this.docker, this.runId, this.image, this.runLabels);
    await helper.remove({ force: true }).catch(() => undefined);
  }
}

/** The name of a run's stage helper: the sweep knows a staged run by it. */
export function stageHelperName(runId: string): string {
  return `berth-${runId}-stage`;
}

/**
 * Removes a run's folder on the engine's machine through a short-lived helper (labelled like the
 * run, `berth.owner=helper`), also for a run whose Berth was killed. Never throws: if it fails the
 * folder stays in the engine's /tmp.
 */
export async function removeStagedFolder(docker: Dockerode, runId: string, image: string, runLabels: Record<string, string>): Promise<void> {
  const sweeper = await createStageHelper(docker, image, runLabels, ['rm', '-rf', `/stage/${runId}`]).catch(() => null);
  await sweeper?.start().then(() => sweeper.wait()).catch(() => undefined);
  await sweeper?.remove({ force: true }).catch(() => undefined);
}

/** Adds {@link ENGINE_STAGE_NOTE} to the steps that touch a staged folder (bind-mount runs, host files). */
export function explainStagedSteps(demo: Demo, steps: { index: number; explain?: string }[]): void {
  for (const step of steps) {
    const action = demo.steps[step.index]?.action;
    if (!action) continue;
    const staged =
      action.kind === 'host-write' || action.kind === 'host-read' || (action.kind === 'run' && (action.mounts ?? []).some((m) => m.type === 'bind' && !m.engineHost));
    if (staged) step.explain = step.explain ? `${step.explain} ${ENGINE_STAGE_NOTE}` : ENGINE_STAGE_NOTE;
  }
}

/** The engine-host folder for a run's bind mounts when the demo has some and the engine is remote, else undefined. */
export function engineFolderFor(demo: Demo, docker: () => Dockerode, runId: string): string | undefined {
  if (!usesRunFolderBinds(demo)) return undefined;
  try {
    return isRemoteEngine(docker()) ? path.posix.join(ENGINE_STAGE_ROOT, runId) : undefined;
  } catch {
    return undefined; // Docker is away: the run fails at its start anyway
  }
}
