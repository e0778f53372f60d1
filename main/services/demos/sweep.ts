import os from 'node:os';
import type Dockerode from 'dockerode';
import { cleanupRun } from './cleanup';
import { removeStagedFolder, stageHelperName } from './engine-stage';
import { sweepStaleHelpers } from './helper-sweep';
import { LABEL_HOST, LABEL_PID, LABEL_RUN, type ResourceKind } from './run-context';

/** What a sweep found and removed. */
export interface SweepReport {
  /** Runs whose leftovers were removed. */
  runs: string[];
  removed: Record<ResourceKind, string[]>;
  /** Runs left alone: their Berth is still alive, runs on another host, or did not say who it is. */
  skippedLive: string[];
  failures: string[];
  daemonGone: boolean;
  /** Helper containers a killed Berth left (see `sweepStaleHelpers`), by name. */
  helpers?: string[];
}

/** True when a process with this id exists on this machine. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface SweepOptions {
  /**
   * Runs of this process that are still going; never swept. Asked as each run is reached, so a
   * live collection (the service's map of runs) also spares a run that started during the sweep.
   */
  activeRuns?: { has(runId: string): boolean };
  isAlive?: (pid: number) => boolean;
  hostName?: string;
  cleanup?: { attempts?: number; retryDelayMs?: number };
}

/**
 * Removes the leftovers of demo runs that died: every object labelled `berth.run` whose run
 * is not active here and whose Berth process (by `berth.pid` on this host) is gone. Runs of
 * other live Berth processes are left alone; the base image (`berth.owner=base`, no
 * `berth.run`) is a cache and never touched.
 */
export async function sweepLeftovers(docker: Dockerode, options: SweepOptions = {}): Promise<SweepReport> {
  const isAlive = options.isAlive ?? processAlive;
  const hostName = options.hostName ?? os.hostname();
  const report: SweepReport = { runs: [], removed: { container: [], network: [], volume: [], image: [] }, skippedLive: [], failures: [], daemonGone: false };
  const owners = new Map<string, { pid?: number; host?: string }>();
  /** Runs that had a folder staged on a remote engine's machine: their stage helper's image and labels. */
  const staged = new Map<string, { image: string; labels: Record<string, string> }>();
  const collect = async () => {
    const filters = JSON.stringify({ label: [LABEL_RUN] });
    const [containers, networks, volumes, images] = await Promise.all([
      docker.listContainers({ all: true, filters }),
      docker.listNetworks({ filters }),
      docker.listVolumes({ filters }),
      docker.listImages({ all: true, filters }),
    ]);
    for (const c of containers) {
      const run = c.Labels[LABEL_RUN];
      if (run && c.Names.includes(`/${stageHelperName(run)}`)) staged.set(run, { image: c.ImageID || c.Image, labels: c.Labels });
    }
    const labelSets = [
      ...containers.map((c) => c.Labels),
      ...networks.map((n) => n.Labels ?? {}),
      ...(volumes.Volumes ?? []).map((v) => (v.Labels ?? {}) as Record<string, string>),
      ...images.map((i) => i.Labels ?? {}),
    ];
    for (const labels of labelSets) {
      const run = labels[LABEL_RUN];
      if (!run || owners.has(run)) continue;
      const pid = Number(labels[LABEL_PID]);
      owners.set(run, { ...(Number.isFinite(pid) ? { pid } : {}), ...(labels[LABEL_HOST] ? { host: labels[LABEL_HOST] } : {}) });
    }
  };
  await collect();
  for (const [run, owner] of owners) {
    if (options.activeRuns?.has(run)) continue;
    // Without a pid and host Berth cannot tell whether the run is still going elsewhere: leave it.
    const unknown = owner.pid === undefined || owner.host === undefined;
    const otherHost = owner.host !== undefined && owner.host !== hostName;
    const live = !unknown && !otherHost && owner.pid !== process.pid && isAlive(owner.pid!);
    if (unknown || otherHost || live) {
      report.skippedLive.push(run);
      continue;
    }
    // A Berth killed mid-run on a remote engine left the run's folder on the engine's machine.
    const stage = staged.get(run);
    if (stage) await removeStagedFolder(docker, run, stage.image, stage.labels);
    const result = await cleanupRun(docker, run, options.cleanup);
    report.runs.push(run);
    for (const kind of Object.keys(report.removed) as ResourceKind[]) report.removed[kind].push(...result.removed[kind]);
    report.failures.push(...result.failures);
    if (result.daemonGone) {
      report.daemonGone = true;
      break;
    }
  }
  if (!report.daemonGone) report.helpers = await sweepStaleHelpers(docker).catch(() => []);
  return report;
}

/** "Removed 2 containers and 1 volume left by 1 interrupted run." or undefined when nothing was found. */
export function describeSweep(report: SweepReport): string | undefined {
  const parts = (Object.entries(report.removed) as [ResourceKind, string[]][])
    .filter(([, list]) => list.length)
    .map(([kind, list]) => `${list.length} ${kind}${list.length === 1 ? '' : 's'}`);
  const helpers = report.helpers?.length ?? 0;
  const helperWords = `${helpers} helper container${helpers === 1 ? '' : 's'} left by a Berth that was closed mid-task`;
  if (!parts.length) return helpers ? `Removed ${helperWords}.` : undefined;
  const runs = `Removed ${parts.join(', ')} left by ${report.runs.length} interrupted demo run${report.runs.length === 1 ? '' : 's'}`;
  return helpers ? `${runs}, and ${helperWords}.` : `${runs}.`;
}
