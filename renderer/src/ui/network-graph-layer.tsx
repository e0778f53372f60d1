import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import type { NetworkItem, PublishedPort } from '@contract';
import { meanOf, placeColumn } from './flow-graph';
import { MiddleEllipsis } from './middle-ellipsis';

// Node id of the engine host, where published ports lead.
const HOST_NODE = 'host:ports';
/** Node id of a network hub. */
export const networkNodeId = (networkId: string) => `n:${networkId}`;
/** The network of a hub's node id; undefined for any other node. */
export const networkIdOfNode = (nodeId: string): string | undefined =>
  nodeId.startsWith('n:') ? nodeId.slice(2) : undefined;
/** Node id of a container (shared with the storage graph). */
export const containerNodeId = (containerId: string) => `c:${containerId}`;

const sides = { sourcePosition: Position.Right, targetPosition: Position.Left };

/** A container seen on one of the networks. */
export interface GraphContainer {
  id: string;
  name: string;
  running: boolean;
}

/** Containers on the networks, network by network (so each hub sits beside its own). */
export function networkContainers(networks: NetworkItem[]): GraphContainer[] {
  const seen = new Map<string, GraphContainer>();
  for (const network of networks)
    for (const e of [...network.endpoints].sort((a, b) =>
      a.containerName.localeCompare(b.containerName),
    ))
      if (!seen.has(e.containerId))
        seen.set(e.containerId, { id: e.containerId, name: e.containerName, running: e.running });
  return [...seen.values()];
}

/** A container's node (violet; dashed when it is not running). */
export function containerNode(c: GraphContainer, x: number, y: number): Node {
  return {
    id: containerNodeId(c.id),
    ...sides,
    position: { x, y },
    data: { label: <>▣ <MiddleEllipsis text={c.name} /></> },
    className: `flow-node flow-container${c.running ? '' : ' is-stopped'}`,
  };
}

/** `default bridge`, `user-defined bridge`, `host`, `none`, `macvlan`, … */
function driverWords(network: NetworkItem): string {
  if (network.driver === 'null') return 'none';
  if (network.driver === 'host') return 'host';
  if (network.driver === 'bridge') return network.builtIn ? 'default bridge' : 'bridge';
  return network.driver;
}

// One line per port, e.g. `127.0.0.1:32768 → 80/tcp` (IPv6 twins of an IPv4 binding left out).
function portLines(ports: PublishedPort[]): string[] {
  const lines = new Map<string, string>();
  for (const p of ports) {
    const key = `${p.hostPort}/${p.proto}`;
    const v6 = p.hostIp.includes(':');
    if (lines.has(key) && v6) continue;
    const host = v6 ? `[${p.hostIp}]` : p.hostIp || '0.0.0.0';
    lines.set(key, `${host}:${p.hostPort} → ${p.containerPort}/${p.proto}`);
  }
  return [...lines.values()];
}

function endpointLabel(network: NetworkItem, ip: string): string {
  if (ip) return ip;
  return network.driver === 'host' ? 'host’s addresses' : 'no address';
}

/**
 * Network hubs (and the engine host, when ports are published) in one column at `x`, each beside
 * its containers (whose heights the caller chose), with edges to them labelled with the
 * container's address on that network, and `host addr:port → port/proto` edges for published ports.
 */
export function networkHubs(
  networks: NetworkItem[],
  containerY: Map<string, number>,
  layout: { x: number; gap: number },
): { nodes: Node[]; edges: Edge[] } {
  const edges: Edge[] = [];
  const ports = new Map<string, string[]>();
  for (const network of networks)
    for (const e of network.endpoints) {
      if (!containerY.has(e.containerId)) continue;
      edges.push({
        id: `${networkNodeId(network.id)}->${e.containerId}`,
        source: networkNodeId(network.id),
        target: containerNodeId(e.containerId),
        label: endpointLabel(network, e.ipv4),
        type: 'near-target',
        className: `flow-edge-network${e.running ? '' : ' is-stopped'}`,
      });
      if (e.ports.length && !ports.has(e.containerId)) ports.set(e.containerId, portLines(e.ports));
    }
  for (const [containerId, lines] of ports)
    edges.push({
      id: `${HOST_NODE}->${containerId}`,
      source: HOST_NODE,
      target: containerNodeId(containerId),
      label: lines.length > 2 ? `${lines[0]} +${lines.length - 1}` : lines.join(', '),
      className: 'flow-edge-port',
      type: 'near-target',
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
    });

  const bottom = Math.max(0, ...containerY.values());
  const wanted = networks.map((network, i) => {
    const ys = network.endpoints
      .map((e) => containerY.get(e.containerId))
      .filter((y): y is number => y !== undefined);
    return { id: networkNodeId(network.id), y: ys.length ? meanOf(ys) : bottom + (i + 1) * 10 };
  });
  if (ports.size)
    wanted.push({
      id: HOST_NODE,
      y: meanOf([...ports.keys()].map((id) => containerY.get(id) ?? 0)),
    });
  const placed = placeColumn(wanted, layout.gap);

  const nodes: Node[] = networks.map((network) => {
    const subnet = network.subnets.map((s) => s.subnet).join(', ');
    const removed = network.state === 'removed';
    return {
      id: networkNodeId(network.id),
      ...sides,
      position: { x: layout.x, y: placed.get(networkNodeId(network.id)) ?? 0 },
      data: {
        label: (
          <>
            <span className="flow-hub-name">
              <MiddleEllipsis text={network.name} />
            </span>
            <span className="flow-hub-meta">
              {[driverWords(network), subnet, removed ? 'removed' : network.dns.byName ? 'DNS' : '']
                .filter(Boolean)
                .join(' · ')}
            </span>
          </>
        ),
      },
      className: `flow-node flow-hub state-${network.state}${removed ? ' is-removed' : ''}`,
      ariaLabel: `network ${network.name}, ${network.state}`,
    };
  });
  if (ports.size)
    nodes.push({
      id: HOST_NODE,
      ...sides,
      position: { x: layout.x, y: placed.get(HOST_NODE) ?? 0 },
      data: {
        label: (
          <>
            <span className="flow-hub-name">engine host</span>
            <span className="flow-hub-meta">published ports</span>
          </>
        ),
      },
      className: 'flow-node flow-hub flow-engine-host',
      ariaLabel: 'engine host: published ports',
    });
  return { nodes, edges };
}
