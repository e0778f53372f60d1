import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { DockerStatus } from '../../main/contract/docker';
import { dockerList, showDockTab } from './page-view';
import type { SeededRandom } from './random';
import type { SoakRpc } from './rpc-client';

/** Longest the open Docker browser may take to show a volume or network made while all is well. */
export const LIVE_PAGE_BOUND_MS = 10_000;

const run = promisify(execFile);

export interface LivePageOptions {
  page: Page;
  /** `DOCKER_HOST` of the private daemon; the change is made with the `docker` CLI, as a person would. */
  dockerHost: string;
  /** Unique part of the names this probe gives its volume and network. */
  suffix: string;
  /** Longest the open Docker browser may take to show a change (default `LIVE_PAGE_BOUND_MS`). */
  boundMs?: number;
}

/** One change made with the `docker` CLI and what the open list must then show. */
interface Step {
  args: string[];
  list: 'Volumes' | 'Networks';
  attribute: string;
  name: string;
  shown: boolean;
}

// Create (the name must appear) then remove (it must go) one object of a kind.
const createAndRemove = (kind: 'volume' | 'network', name: string): Step[] => {
  const list = kind === 'volume' ? 'Volumes' : 'Networks';
  const attribute = `data-${kind}`;
  return [
    { args: [kind, 'create', '--label', 'berth.owner=soak', name], list, attribute, name, shown: true },
    { args: [kind, 'rm', name], list, attribute, name, shown: false },
  ];
};

const steps = (volume: string, network: string): Step[] => [
  ...createAndRemove('volume', volume),
  ...createAndRemove('network', network),
];

/**
 * Checks that the Docker browser, open while Docker changes, follows the change on its own: with
 * the daemon up and Berth connected (no restart or reconnect to refresh the lists), the driver
 * creates and removes a labelled volume and network with the `docker` CLI, and each must appear
 * in (and then leave) the open Volumes / Networks table within `boundMs`. The browser is shown and
 * rendered before the first change, so only `docker.changed` can bring what follows. Returns what
 * the page failed to show in time and the longest it took to show a change (from the CLI's
 * return); leaves the page on the Storage view.
 */
export async function livePageProbe(
  options: LivePageOptions,
): Promise<{ failures: string[]; slowestMs: number }> {
  const { page, dockerHost, suffix, boundMs = LIVE_PAGE_BOUND_MS } = options;
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  const failures: string[] = [];
  let slowestMs = 0;
  await showDockTab(page, 'Docker');
  await dockerList(page, 'Volumes', 'data-volume');
  for (const step of steps(`soak-live-v-${suffix}`, `soak-live-n-${suffix}`)) {
    await dockerList(page, step.list, step.attribute); // the list that must follow, open before
    await run('docker', step.args, { env, timeout: 30_000 });
    const changedAt = Date.now();
    for (;;) {
      const names = await dockerList(page, step.list, step.attribute);
      if (names.has(step.name) === step.shown) {
        slowestMs = Math.max(slowestMs, Date.now() - changedAt);
        break;
      }
      if (Date.now() - changedAt > boundMs) {
        failures.push(
          `live page ${step.list.toLowerCase()}: ${step.args.slice(0, 2).join(' ')} ${step.name}, page ${step.shown ? 'did not show it' : 'still showed it'} after ${boundMs} ms`,
        );
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await showDockTab(page, 'Storage');
  return { failures, slowestMs };
}

/** Runs `livePageProbe` now and then during the chaos and counts what it finds. */
export class LivePageChecks {
  checks = 0;
  mismatches = 0;
  /** Longest a probe's change took to show on the page. */
  slowestMs = 0;
  private next: number;

  constructor(
    private readonly options: Omit<LivePageOptions, 'suffix'> & {
      rpc: SoakRpc;
      random: SeededRandom;
      log: (line: string) => void;
    },
  ) {
    this.next = Date.now() + options.random.int(5_000, 15_000);
  }

  /**
   * Probes when one is due and Berth says it is connected to a running daemon. The caller's
   * loop does the daemon chaos too, so no restart or freeze can happen meanwhile.
   */
  async maybeRun(): Promise<void> {
    if (Date.now() < this.next || !(await this.connected())) return;
    this.checks += 1;
    try {
      const { failures, slowestMs } = await livePageProbe({
        ...this.options,
        suffix: `${this.options.random.seed.toString(36)}-${this.checks}`,
      });
      this.mismatches += failures.length;
      this.slowestMs = Math.max(this.slowestMs, slowestMs);
      for (const line of failures) this.options.log(`mismatch ${line}`);
    } catch (error) {
      // The docker CLI or the page failed (not Berth's view): no verdict this time.
      this.options.log(
        `live page probe skipped: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.next = Date.now() + this.options.random.int(10_000, 25_000);
  }

  private async connected(): Promise<boolean> {
    const status = await this.options.rpc
      .call<DockerStatus>('docker.status', {}, 5_000)
      .catch(() => undefined);
    return status?.state === 'connected';
  }
}
