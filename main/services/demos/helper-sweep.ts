import type Dockerode from 'dockerode';
import { LABEL_RUN } from './run-context';

/**
 * A helper created this long ago that is not running is a leftover: Berth starts a helper as soon
 * as it is created, reads its output and removes it within moments of its end (the slowest, a
 * volume listing, gives up after 10 s).
 */
const STALE_HELPER_MS = 60_000;

/**
 * Removes short-lived helper containers (`berth.owner=helper`: volume browser, host-side
 * reader, link helper) that a killed Berth left: exited and never removed, or created and never
 * started. Helpers of a demo run (`berth.run`, such as a remote run's stage helper, which stays
 * created) are left to the run sweep. Returns names.
 */
export async function sweepStaleHelpers(
  docker: Dockerode,
  options: { now?: number; alsoLabelled?: string } = {},
): Promise<string[]> {
  const now = options.now ?? Date.now();
  const label = ['berth.owner=helper', ...(options.alsoLabelled ? [options.alsoLabelled] : [])];
  const helpers = await docker.listContainers({
    all: true,
    filters: JSON.stringify({ label, status: ['created', 'exited', 'dead'] }),
  });
  const removed: string[] = [];
  for (const helper of helpers) {
    if (helper.Labels[LABEL_RUN] || now - helper.Created * 1000 < STALE_HELPER_MS) continue;
    try {
      await docker.getContainer(helper.Id).remove({ force: true });
      removed.push(helper.Names[0]?.replace(/^\//, '') ?? helper.Id.slice(0, 12));
    } catch {
      // removed meanwhile, or the daemon is going: the next sweep sees it again
    }
  }
  return removed;
}
