import type { DemoRunRecord } from '../../main/contract/demos';
import type { PrivateDockerd } from '../../e2e/support/private-dockerd';
import type { SeededRandom } from './random';
import type { SoakRpc } from './rpc-client';

/** Short demos that use every storage kind and a network; the soak starts and cancels them. */
export const SOAK_DEMOS = [
  'named-volume-persists',
  'anonymous-volume-dangling',
  'tmpfs-is-ephemeral',
  'bind-mount-two-way',
  'bridge-dns',
];
const FINAL = new Set(['passed', 'failed', 'cancelled', 'interrupted', 'skipped']);

/** Starts and cancels demo runs through the RPC and waits for all of them at the end. */
export class DemoChaos {
  readonly runs = new Set<string>();
  private readonly finished = new Set<string>();

  constructor(
    private readonly rpc: SoakRpc,
    private readonly random: SeededRandom,
  ) {}

  async start(): Promise<void> {
    const record = await this.rpc.call<DemoRunRecord>('demos.start', {
      demoId: this.random.pick(SOAK_DEMOS)!,
    });
    this.runs.add(record.runId);
  }

  async cancel(): Promise<void> {
    const live = [...this.runs].filter((id) => !this.finished.has(id));
    const runId = this.random.pick(live);
    if (runId) await this.rpc.call('demos.cancel', { runId }, 60_000);
  }

  /** Runs not finished yet (asks Berth). */
  async live(): Promise<string[]> {
    for (const runId of this.runs) {
      if (this.finished.has(runId)) continue;
      const record = await this.rpc
        .call<DemoRunRecord>('demos.getRun', { runId })
        .catch(() => undefined);
      if (record && FINAL.has(record.status)) this.finished.add(runId);
    }
    return [...this.runs].filter((id) => !this.finished.has(id));
  }

  /** Cancels every live run and waits (bounded) until all of them finished. */
  async settle(timeoutMs: number): Promise<string[]> {
    for (const runId of await this.live())
      await this.rpc.call('demos.cancel', { runId }, 60_000).catch(() => undefined);
    return this.drain(timeoutMs);
  }

  /** Waits (bounded) until every run finished, cancelling those that take too long. */
  async drain(timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    let cancelled = false;
    for (;;) {
      const live = await this.live();
      if (!live.length || Date.now() > deadline) return live;
      if (!cancelled && Date.now() > deadline - timeoutMs / 2) {
        cancelled = true;
        for (const runId of live)
          await this.rpc.call('demos.cancel', { runId }, 60_000).catch(() => undefined);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Restarts (SIGTERM, start) or freezes (SIGSTOP for a few seconds) the private daemon. */
export async function daemonChaos(
  daemon: PrivateDockerd,
  random: SeededRandom,
  log: (line: string) => void,
): Promise<'restart' | 'freeze'> {
  if (random.next() < 0.5) {
    const frozenMs = random.int(2_000, 6_000);
    log(`daemon: SIGSTOP for ${frozenMs} ms`);
    daemon.freeze(true);
    try {
      await new Promise((r) => setTimeout(r, frozenMs));
    } finally {
      daemon.freeze(false);
    }
    return 'freeze';
  }
  log('daemon: restart');
  await daemon.stop('SIGTERM');
  await new Promise((r) => setTimeout(r, random.int(500, 3_000)));
  await daemon.start();
  return 'restart';
}
