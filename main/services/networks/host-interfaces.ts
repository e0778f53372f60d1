import type { HostInterface } from '../../contract/networks';

/** Names of the throw-away dummy parents the macvlan/ipvlan demos create. */
export const DUMMY_PREFIX = 'bdummy';

/**
 * Parses `ip -o link` (busybox or iproute2): one interface per line, e.g.
 * `14: veth06a3c32@if13: <BROADCAST,UP> mtu 1500 qdisc noqueue master br-8e9e state UP \    link/ether d2:5b:..`.
 */
export function parseIpLink(text: string): HostInterface[] {
  const result: HostInterface[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+):\s+([^:@\s]+)(?:@(\S+?))?:\s+<([^>]*)>(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, index, name, peer, flags, rest] = m as unknown as [
      string,
      string,
      string,
      string | undefined,
      string,
      string,
    ];
    const master = /\bmaster\s+(\S+)/.exec(rest)?.[1];
    const flagList = flags.split(',');
    const state =
      /\bstate\s+(\S+)/.exec(rest)?.[1] ??
      (flagList.includes('LOWER_UP') ? 'UP' : flagList.includes('UP') ? 'NO-CARRIER' : 'DOWN');
    const mac = /link\/\S+\s+([0-9a-f:]{17})/i.exec(rest)?.[1] ?? '';
    const kind: HostInterface['kind'] = /link\/loopback/.test(rest)
      ? 'loopback'
      : name.startsWith('veth')
        ? 'veth'
        : name === 'docker0' || name.startsWith('br-')
          ? 'bridge'
          : name.startsWith(DUMMY_PREFIX)
            ? 'dummy'
            : 'other';
    const peerIndex = peer && /^if\d+$/.test(peer) ? Number(peer.slice(2)) : undefined;
    result.push({
      index: Number(index),
      name,
      kind,
      state,
      mac,
      addresses: [],
      ...(master ? { master } : {}),
      ...(peerIndex !== undefined ? { peerIndex } : {}),
    });
  }
  return result;
}

/** Adds the addresses of `ip -o addr` (`5: docker0    inet 172.17.0.1/16 ...`) to the interfaces. */
export function addAddresses(interfaces: HostInterface[], text: string): void {
  for (const line of text.split('\n')) {
    const m = /^(\d+):\s+(\S+)\s+(inet6?)\s+(\S+)/.exec(line.trim());
    if (!m) continue;
    const iface = interfaces.find((i) => i.index === Number(m[1]));
    if (iface && !iface.addresses.includes(m[4]!)) iface.addresses.push(m[4]!);
  }
}

/**
 * Interface indexes inside a network namespace from its `/proc/<pid>/net/igmp`
 * (`13	eth0      :     1      V3`), loopback left out.
 */
export function parseIgmpIndexes(text: string): { index: number; name: string }[] {
  const result: { index: number; name: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+)\s+(\S+?)\s*:/.exec(line);
    if (m && m[2] !== 'lo') result.push({ index: Number(m[1]), name: m[2]! });
  }
  return result;
}

/** Splits the helper's output into its sections (`@@LINK`, `@@ADDR`, `@@PID <pid>`). */
export function splitSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current = '';
  let lines: string[] = [];
  const flush = () => {
    if (current) sections.set(current, lines.join('\n'));
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('@@')) {
      flush();
      current = line.slice(2).trim();
      lines = [];
    } else lines.push(line);
  }
  flush();
  return sections;
}
