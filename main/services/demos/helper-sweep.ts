import type Dockerode from 'dockerode';
import { LABEL_RUN } from './run-context';

/**
 * An exited helper created this long ago is a leftover: Berth reads a helper's output and
 * removes it within moments of its end (the slowest, a volume listing, gives up after 10 s).
 */
const STALE_HELPER_MS = 60_000;

/**
 * Removes short-lived helper containers (`berth.owner=helper`: volume browser, host-side
 * reader, link helper) that exited and were never removed because their Berth was killed
 * between the two. Helpers of a demo run (`berth.run`) are left to the run sweep. Returns names.
 */
export async function sweepStaleHelpers(
  docker: Dockerode,
  options: { now?: number; alsoLabelled?: string } = {},
): Promise<string[]> {
  const now = options.now ?? Date.now();
  const label = ['berth.owner=helper', ...(options.alsoLabelled ? [options.alsoLabelled] : [])];
  const helpers = await docker.listContainers({
    all: true,
    filters: JSON.stringify({ label, status: ['exited', 'dead'] }),
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
