import type { NetworkFacts } from './network-facts';

/** The three networks every engine makes by itself. */
export const BUILT_IN_NETWORKS = new Set(['bridge', 'host', 'none']);

/** True for the networks Docker creates itself and will not remove. */
export function isBuiltIn(network: Pick<NetworkFacts, 'name'>): boolean {
  return BUILT_IN_NETWORKS.has(network.name);
}

/** True for the engine's default bridge (`docker0`), where names do not resolve. */
export function isDefaultBridge(network: Pick<NetworkFacts, 'name' | 'driver'>): boolean {
  return network.name === 'bridge' && network.driver === 'bridge';
}

/** Whether containers on this network reach each other by name, with the reason in plain words. */
export function dnsFor(network: Pick<NetworkFacts, 'name' | 'driver'>): {
  byName: boolean;
  explanation: string;
} {
  if (isDefaultBridge(network))
    return {
      byName: false,
      explanation:
        'No: on the default bridge containers reach each other only by IP address (or the old --link). Create your own network for names.',
    };
  if (network.driver === 'host')
    return {
      byName: false,
      explanation:
        'No container DNS: containers share the engine host’s network stack and reach each other on localhost ports.',
    };
  if (network.driver === 'null' || network.name === 'none')
    return {
      byName: false,
      explanation: 'No: a container here has only loopback and reaches nobody.',
    };
  return {
    byName: true,
    explanation:
      'Yes: Docker’s embedded DNS (127.0.0.11) answers with container names, aliases and short ids on this user-defined network.',
  };
}

const DRIVER_WORDS: Record<string, string> = {
  bridge:
    'A virtual switch on the engine host; each container gets a veth pair, one end is its eth0, the other is plugged into the bridge. Traffic out is NATed through the host.',
  host: 'No isolation: the container uses the engine host’s own interfaces and ports directly; -p has no effect.',
  null: 'No networking: only a loopback interface inside the container.',
  macvlan:
    'Each container gets its own MAC address on a parent interface of the host, so it looks like a separate machine on that LAN.',
  ipvlan:
    'Containers share the parent interface’s MAC address but get their own IP addresses on it (L2 or L3 mode).',
  overlay:
    'Spans several engines in swarm mode; containers on different hosts talk over VXLAN tunnels.',
};

/** What a driver does, in plain words. */
export function driverWords(driver: string): string {
  return (
    DRIVER_WORDS[driver] ?? `A network made by the "${driver}" driver (a plugin or special driver).`
  );
}
