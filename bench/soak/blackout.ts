import type { DockerStatus } from '../../main/contract/docker';
import type { NetworkLineageEntry, NetworkSnapshot } from '../../main/contract/networks';
import type { RawEvent } from '../../main/contract/volumes';
import type { PrivateDockerd } from '../../e2e/support/private-dockerd';
import { berthFacts, diffFacts, dockerFacts } from './compare-views';
import type { DockerChaos, DockerOp } from './docker-chaos';
import type { DockerProxy } from './docker-proxy';
import { unreconciledNetworkChanges } from './network-story';
import type { SeededRandom } from './random';
import type { SoakRpc } from './rpc-client';

/** Changes made while Berth is cut off: every kind of object appears, goes and changes state. */
const BLACKOUT_OPS: DockerOp[] = [
  'volume-create',
  'volume-create',
  'volume-remove',
  'network-create',
  'network-remove',
  'container-create',
  'container-create',
  'container-start',
  'container-stop',
  'container-remove',
  'network-connect',
];

export interface BlackoutOptions {
  proxy: DockerProxy;
  daemon: PrivateDockerd;
  chaos: DockerChaos;
  rpc: SoakRpc;
  random: SeededRandom;
  log: (line: string) => void;
  /** Longest Berth may take, once connected again, to show what changed while it was away. */
  boundMs: number;
}

export interface BlackoutResult {
  ops: number;
  /**
   * Facts still different from `docker` when the bound ran out (empty when Berth caught up), and
   * networks that came or went in the blackout whose story says they were seen live.
   */
  mismatches: string[];
  /** From letting Berth back in until its view equalled `docker` (or the bound ran out). */
  catchUpMs: number;
}

const networkStory = async (rpc: SoakRpc): Promise<NetworkLineageEntry[]> =>
  (await rpc.call<{ entries: NetworkLineageEntry[] }>('networks.lineage', { limit: 10_000 }))
    .entries;

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`soak: ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Makes changes Berth cannot hear about, then checks that it finds them on its own. Berth is cut
 * off Docker (the proxy drops its connections, the daemon stays up), the driver changes volumes,
 * containers and networks, and the daemon restarts, which forgets its event buffer, so no replay
 * (`since`) brings those events back. Then Berth is let in again and, with nothing else changing
 * Docker (demo runs settled by the caller), its RPC view must equal `docker` within the bound:
 * only its reconcile-after-reconnect (a full listing) can make it so. Any event after the reconnect
 * (Berth's own demo sweep runs a helper container then) also makes the network tracker re-list,
 * which would hide a missing reconcile from the view alone, so the networks' story is checked too:
 * what came or went in the blackout must be marked as found by that reconcile.
 */
export async function blackout(options: BlackoutOptions): Promise<BlackoutResult> {
  const { proxy, daemon, chaos, rpc, random, log } = options;
  const connected = async () =>
    (await rpc.call<DockerStatus>('docker.status', {}, 5_000)).state === 'connected';
  proxy.cut();
  let ops = 0;
  let knownBefore = new Map<string, string>();
  let storySeq = 0;
  try {
    await waitUntil(async () => !(await connected()), 20_000, 'Berth did not notice the cut');
    for (const op of [...BLACKOUT_OPS].sort(() => random.next() - 0.5)) {
      await chaos.step(10_000, op).then(
        () => (ops += 1),
        () => undefined,
      );
    }
    // Berth's frozen view, now that anything it read before the cut has long landed.
    const known = await rpc.call<NetworkSnapshot>('networks.snapshot', {}, 10_000);
    knownBefore = new Map(
      known.networks.filter((n) => n.state !== 'removed').map((n) => [n.id, n.name]),
    );
    storySeq = (await networkStory(rpc)).reduce((max, e) => Math.max(max, e.seq), 0);
    await daemon.stop('SIGTERM');
    await daemon.start();
  } finally {
    proxy.restore();
  }
  const restoredAt = Date.now();
  await waitUntil(connected, 30_000, 'Berth did not reconnect');
  log(`blackout: ${ops} changes unseen, daemon restarted, Berth reconnected`);
  let mismatches: string[] = [];
  for (;;) {
    const berth = await berthFacts(rpc).catch(() => undefined);
    if (berth) {
      mismatches = diffFacts(await dockerFacts(chaos.docker), berth);
      if (berth.stale) mismatches.push('Berth still says its view is stale');
      if (!mismatches.length) break;
    }
    if (Date.now() - restoredAt > options.boundMs) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const catchUpMs = Date.now() - restoredAt;
  const dockerAfter = new Map((await chaos.docker.listNetworks()).map((n) => [n.Id, n.Name]));
  const story = (await networkStory(rpc)).filter((e) => e.seq > storySeq);
  mismatches.push(...unreconciledNetworkChanges(knownBefore, dockerAfter, story));
  // What Docker told Berth since it was let in (these may re-read parts without the reconcile).
  const seen = await rpc
    .call<{ events: RawEvent[] }>('volumes.events', { limit: 200 })
    .then((r) => r.events.filter((e) => e.receivedAt >= restoredAt))
    .catch(() => []);
  log(
    `blackout: caught up in ${catchUpMs} ms; ${seen.length} events since: ${seen
      .slice(0, 12)
      .map((e) => `${e.type} ${e.action}${e.replayed ? ' (replayed)' : ''}`)
      .join(', ')}`,
  );
  return { ops, mismatches, catchUpMs };
}
