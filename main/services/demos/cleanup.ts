import type { Demo } from './demo-schema';
import type { RunCleanup } from './run-types';
import type Dockerode from 'dockerode';
import { describeDockerError, isConflict, isDaemonGone, isNotFound } from './docker-errors';
import { LABEL_RUN, type ResourceKind } from './run-context';

/** What a cleanup removed, and what it could not. */
export interface CleanupReport {
  removed: Record<ResourceKind, string[]>;
  failures: string[];
  /** True when the daemon could not be reached; run the cleanup again once it is back. */
  daemonGone: boolean;
}

/** The Docker objects carrying the given labels, by kind. */
export interface LabelledResources {
  container: { id: string; name: string }[];
  network: { id: string; name: string }[];
  volume: { id: string; name: string }[];
  image: { id: string; name: string }[];
}

function emptyRemoved(): Record<ResourceKind, string[]> {
  return { container: [], network: [], volume: [], image: [] };
}

const ALL_KINDS: readonly ResourceKind[] = ['container', 'network', 'volume', 'image'];

/** Lists containers, networks, volumes and images (or only `kinds`) whose labels match all of `labels` ("k" or "k=v"). */
export async function listLabelled(docker: Dockerode, labels: string[], kinds: readonly ResourceKind[] = ALL_KINDS): Promise<LabelledResources> {
  const filters = JSON.stringify({ label: labels });
  const want = (kind: ResourceKind) => kinds.includes(kind);
  const [containers, networks, volumes, images] = await Promise.all([
    want('container') ? docker.listContainers({ all: true, filters }) : [],
    want('network') ? docker.listNetworks({ filters }) : [],
    want('volume') ? docker.listVolumes({ filters }) : { Volumes: [] as Dockerode.VolumeInspectInfo[], Warnings: [] as string[] },
    want('image') ? docker.listImages({ all: true, filters }) : [],
  ]);
  return {
    container: containers.map((c) => ({ id: c.Id, name: (c.Names[0] ?? c.Id).replace(/^\//, '') })),
    network: networks.map((n) => ({ id: n.Id, name: n.Name })),
    volume: (volumes.Volumes ?? []).map((v) => ({ id: v.Name, name: v.Name })),
    // Newest first: a build's later layers are children of its earlier ones, which cannot go before them.
    image: [...images]
      .sort((a, b) => b.Created - a.Created)
      .map((i) => ({ id: i.Id, name: i.RepoTags?.find((t) => t !== '<none>:<none>') ?? i.Id.slice(7, 19) })),
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function removeOne(kind: ResourceKind, docker: Dockerode, id: string): Promise<void> {
  switch (kind) {
    case 'container':
      try {
        await docker.getContainer(id).remove({ force: true, v: true });
      } catch (error) {
        // `--rm` containers may be in the middle of their own removal: wait for it to finish.
        if (!isConflict(error)) throw error;
        await docker.getContainer(id).wait({ condition: 'removed' });
      }
      return;
    case 'network':
      await docker.getNetwork(id).remove();
      return;
    case 'volume':
      await docker.getVolume(id).remove({ force: true });
      return;
    case 'image':
      await docker.getImage(id).remove({ force: true });
      return;
  }
}

/**
 * Removes everything labelled `berth.run=<runId>` (or matching `labels`): containers, then
 * networks, then volumes, then images, each with retries (a container that is still being
 * removed holds its volumes for a moment). Never throws; reports what it did.
 */
export interface CleanupOptions {
  attempts?: number;
  retryDelayMs?: number;
  /** Only these kinds (what the run is known to have created); all by default. */
  kinds?: readonly ResourceKind[];
  /** List again after removing, to catch objects created while the cleanup ran (cancelled runs). */
  verify?: boolean;
}

export async function cleanupLabelled(docker: Dockerode, labels: string[], options: CleanupOptions = {}): Promise<CleanupReport> {
  const kinds = options.kinds ?? ALL_KINDS;
  const verify = options.verify ?? true;
  const attempts = options.attempts ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const removed = emptyRemoved();
  let failures: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    failures = [];
    let found: LabelledResources;
    try {
      found = await listLabelled(docker, labels, kinds);
    } catch (error) {
      if (isDaemonGone(error)) return { removed, failures: [describeDockerError(error)], daemonGone: true };
      failures.push(describeDockerError(error));
      await delay(retryDelayMs * attempt);
      continue;
    }
    for (const kind of ['container', 'network', 'volume', 'image'] as const) {
      // Containers go in parallel; the rest one by one (images can depend on each other).
      const batches = kind === 'container' ? [found.container] : found[kind].map((r) => [r]);
      for (const batch of batches) {
        const results = await Promise.allSettled(batch.map((r) => removeOne(kind, docker, r.id).then(() => r)));
        for (const result of results) {
          if (result.status === 'fulfilled') removed[kind].push(result.value.name);
          else if (isDaemonGone(result.reason)) return { removed, failures: [describeDockerError(result.reason)], daemonGone: true };
          else if (!isNotFound(result.reason)) failures.push(`${kind}: ${describeDockerError(result.reason)}`);
        }
      }
    }
    if (!failures.length) {
      if (!verify) return { removed, failures, daemonGone: false };
      const left = await listLabelled(docker, labels, kinds).catch(() => null);
      const remaining = left ? left.container.length + left.network.length + left.volume.length + left.image.length : 0;
      if (remaining === 0) return { removed, failures, daemonGone: false };
      failures.push(`${remaining} object(s) still present`);
    }
    if (attempt < attempts) await delay(retryDelayMs * attempt);
  }
  return { removed, failures, daemonGone: false };
}

/** Cleans up one run's objects. */
export function cleanupRun(docker: Dockerode, runId: string, options?: CleanupOptions): Promise<CleanupReport> {
  return cleanupLabelled(docker, [`${LABEL_RUN}=${runId}`], options);
}

/**
 * Cleans up after a run that finished normally, by the names it recorded (containers, then
 * networks, volumes, images), without listing; anonymous volumes are found by label, and so are
 * the untagged layer images a build leaves (Podman's Buildah keeps one per step, labelled like the
 * image, and removing the tagged image does not remove them). Falls back to the label-based
 * cleanup when anything is left or refused.
 */
export async function cleanupKnown(
  docker: Dockerode,
  runId: string,
  known: Record<ResourceKind, string[]>,
  options: CleanupOptions & { anonymousVolumes?: boolean; builtImages?: boolean } = {},
): Promise<CleanupReport> {
  const removed = emptyRemoved();
  let daemonGone: unknown = null;
  const removeKind = async (kind: ResourceKind) => {
    let names = known[kind];
    if (kind === 'volume' && options.anonymousVolumes) {
      const listed = await listLabelled(docker, [`${LABEL_RUN}=${runId}`], ['volume']);
      names = [...new Set([...names, ...listed.volume.map((v) => v.name)])];
    }
    const results = await Promise.allSettled(names.map((name) => removeOne(kind, docker, name)));
    for (const [i, result] of results.entries()) {
      const name = names[i] ?? '';
      if (result.status === 'fulfilled') removed[kind].push(name);
      else if (isDaemonGone(result.reason)) daemonGone ??= result.reason;
      else if (!isNotFound(result.reason)) throw result.reason;
    }
    if (kind === 'image' && options.builtImages && !daemonGone) await removeLayerImages();
  };
  // One by one, newest first: each layer is the parent of the next.
  const removeLayerImages = async () => {
    for (const layer of (await listLabelled(docker, [`${LABEL_RUN}=${runId}`], ['image'])).image) {
      await removeOne('image', docker, layer.id).then(
        () => removed.image.push(layer.name),
        (error: unknown) => {
          if (!isNotFound(error)) throw error;
        },
      );
    }
  };
  try {
    // Containers first (they hold networks, volumes and images); the other kinds do not depend on each other.
    await removeKind('container');
    if (!daemonGone) await Promise.all((['network', 'volume', 'image'] as const).map(removeKind));
    if (daemonGone) return { removed, failures: [describeDockerError(daemonGone)], daemonGone: true };
    return { removed, failures: [], daemonGone: false };
  } catch {
    const rest = await cleanupRun(docker, runId, options);
    for (const kind of ALL_KINDS) rest.removed[kind].unshift(...removed[kind]);
    return rest;
  }
}

/** The cleanup at a run's end: by name after a pass (it knows what it made), else by its label (a create may have been in flight). */
export function cleanupAfterRun(
  docker: Dockerode,
  demo: Demo,
  runId: string,
  passed: boolean,
  known: Record<ResourceKind, string[]>,
  options?: CleanupOptions,
): Promise<CleanupReport> {
  const byName = passed && !demo.steps.some((s) => s.action.kind === 'compose');
  const builtImages = demo.steps.some((s) => s.action.kind === 'build');
  return byName ? cleanupKnown(docker, runId, known, { anonymousVolumes: usesAnonymousVolumes(demo), builtImages, ...options }) : cleanupRun(docker, runId, options);
}

/** The run record's cleanup entry for a cleanup report, or for Docker being away (`null`). */
export function describeCleanup(report: CleanupReport | null): RunCleanup {
  if (!report) return { status: 'pending', removed: { container: [], network: [], volume: [], image: [] }, message: 'Docker is not reachable; Berth will clean up when it is back.' };
  const count = Object.values(report.removed).reduce((n, list) => n + list.length, 0);
  if (report.daemonGone) return { status: 'pending', removed: report.removed, message: 'Docker stopped answering; Berth will clean up when it is back.' };
  if (report.failures.length) return { status: 'failed', removed: report.removed, message: `Cleanup left something behind: ${report.failures.join('; ')}` };
  return { status: 'done', removed: report.removed, message: `Removed ${count} object(s).` };
}

/** True when a demo mounts anonymous volumes (cleanup then also looks for them by label). */
export function usesAnonymousVolumes(demo: Demo): boolean {
  return demo.steps.some((s) => s.action.kind === 'run' && (s.action.mounts ?? []).some((m) => m.type === 'volume' && !m.source));
}
