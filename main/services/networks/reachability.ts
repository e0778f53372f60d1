import type { NetworkItem, ReachResult, ReachRoute } from '../../contract/networks';
import { isDefaultBridge } from './network-words';

/**
 * Who can reach a container: every other container that shares a network with it, and by
 * which names it finds it there (name and aliases on user-defined networks; only the IP on the
 * default bridge; localhost on the host network). Returns null when no live network knows it.
 */
export function reachabilityOf(networks: NetworkItem[], ref: string): ReachResult | null {
  const live = networks.filter((n) => n.state !== 'removed');
  const matches = (id: string, name: string) =>
    id === ref || name === ref || (ref.length >= 6 && id.startsWith(ref));
  const own = live.flatMap((n) =>
    n.endpoints
      .filter((e) => matches(e.containerId, e.containerName))
      .map((e) => ({ network: n, self: e })),
  );
  const first = own[0];
  if (!first) return null;
  const routes: ReachRoute[] = [];
  const notes: string[] = [];
  if (!first.self.running)
    notes.push(`${first.self.containerName} is not running, so nobody can reach it now.`);
  for (const { network, self } of own) {
    const peers = network.endpoints.filter((e) => e.containerId !== self.containerId && e.running);
    if (network.driver === 'null') {
      notes.push(`On "none" ${self.containerName} has only loopback: nobody reaches it.`);
      continue;
    }
    if (!peers.length) {
      notes.push(
        `Nobody else is on ${network.name}${network.internal ? ' (internal: no way out either)' : ''}.`,
      );
      continue;
    }
    for (const peer of peers) {
      let names: string[] = [];
      let explanation: string;
      if (network.driver === 'host') {
        explanation = `Both share the engine host’s network: ${peer.containerName} reaches it on localhost (127.0.0.1) at the ports it listens on.`;
      } else if (isDefaultBridge(network)) {
        explanation = `Only by IP ${self.ipv4 || '(none yet)'}: the default bridge gives no DNS for container names.`;
      } else {
        names = self.dnsNames.length ? self.dnsNames : [self.containerName, ...self.aliases];
        explanation = `By name (${names.join(', ')}) through Docker’s DNS on ${network.name}, or by IP ${self.ipv4}.`;
      }
      routes.push({
        networkId: network.id,
        networkName: network.name,
        peerId: peer.containerId,
        peerName: peer.containerName,
        peerRunning: peer.running,
        names,
        ip: network.driver === 'host' ? '' : self.ipv4,
        explanation,
      });
    }
  }
  const onNetworks = new Set(own.map((o) => o.network.id));
  const elsewhere = live.filter((n) => !onNetworks.has(n.id) && n.endpoints.some((e) => e.running));
  if (elsewhere.length && routes.length)
    notes.push(
      `Containers only on ${elsewhere.map((n) => n.name).join(', ')} cannot reach ${first.self.containerName}: networks are isolated from each other.`,
    );
  return {
    containerId: first.self.containerId,
    containerName: first.self.containerName,
    routes,
    notes,
  };
}
