import { useMemo } from 'react';
import { Position, type Edge, type Node } from '@xyflow/react';
import type { NetworkItem, StorageItem } from '@contract';
import { FlowGraph, meanOf, placeColumn, touchedBy } from '../../ui/flow-graph';
import { MiddleEllipsis } from '../../ui/middle-ellipsis';
import {
  containerNode,
  containerNodeId,
  networkContainers,
  networkHubs,
  networkIdOfNode,
  type GraphContainer,
} from '../../ui/network-graph-layer';
import { displayName } from './storage-filters';
import { stateColor } from './state-badge';

const MAX_ITEMS = 150;
const MAX_CONTAINERS = 150;
const ROW = 44;
const HUB_GAP = 58;
/** Columns: networks and the engine host | containers | storage | host paths. */
const X = { hubs: 0, containers: 380, storage: 640, host: 860 };
const sides = { sourcePosition: Position.Right, targetPosition: Position.Left };

/**
 * Nodes and edges: network hubs and the engine host's published ports → containers → volumes /
 * tmpfs → host paths, and containers → bind host paths. Removed items and networks come only when
 * the filters ask for them and are drawn faded. Each column is placed without overlaps.
 */
export function buildGraph(
  items: StorageItem[],
  networks: NetworkItem[],
  selectedId: string | undefined,
): { nodes: Node[]; edges: Edge[]; touched: Set<string>; cut: boolean } {
  const listed = items.slice(0, MAX_ITEMS);
  // Containers network by network, then those only storage knows.
  const containers = new Map<string, GraphContainer>(
    networkContainers(networks).map((c) => [c.id, c]),
  );
  for (const item of listed)
    for (const u of item.uses)
      if (!containers.has(u.containerId))
        containers.set(u.containerId, {
          id: u.containerId,
          name: u.containerName,
          running: u.running,
        });
  const shownContainers = [...containers.values()].slice(0, MAX_CONTAINERS);
  const cut = items.length > MAX_ITEMS || containers.size > MAX_CONTAINERS;
  const containerY = new Map(shownContainers.map((c, i) => [c.id, i * ROW]));

  const edges: Edge[] = [];
  const nodes: Node[] = [];
  const hubs = networkHubs(networks, containerY, { x: X.hubs, gap: HUB_GAP });
  edges.push(...hubs.edges);

  const storageWanted: { id: string; y: number }[] = [];
  const hostOf = new Map<string, string>();
  for (const [i, item] of listed.entries()) {
    const ys: number[] = [];
    for (const u of item.uses) {
      const y = containerY.get(u.containerId);
      if (y === undefined) continue;
      ys.push(y);
      edges.push({
        id: `${u.containerId}->${item.id}:${u.destination}`,
        source: containerNodeId(u.containerId),
        target: item.id,
        label: `${u.destination}${u.rw ? '' : ' ro'}`,
        animated: u.running,
        className: 'flow-edge-storage',
      });
    }
    storageWanted.push({ id: item.id, y: ys.length ? meanOf(ys) : (containerY.size + i) * ROW });
    const host =
      item.kind === 'bind' || item.state === 'removed' ? undefined : item.volume?.mountpoint;
    if (host) {
      hostOf.set(item.id, `h:${host}`);
      edges.push({ id: `${item.id}->h:${host}`, source: item.id, target: `h:${host}` });
    }
  }
  const storageY = placeColumn(storageWanted, ROW);
  const hostY = placeColumn(
    [...hostOf].map(([itemId, id]) => ({ id, y: storageY.get(itemId) ?? 0 })),
    ROW,
  );

  const touched = touchedBy(selectedId, edges);
  const dim = (id: string) => (selectedId && !touched.has(id) ? 0.28 : 1);
  for (const node of hubs.nodes) {
    const removed = node.className?.includes('is-removed');
    nodes.push({
      ...node,
      className: `${node.className ?? ''}${node.id === selectedId ? ' is-selected' : ''}`,
      style: { opacity: removed ? Math.min(0.45, dim(node.id)) : dim(node.id) },
    });
  }
  for (const c of shownContainers) {
    const node = containerNode(c, X.containers, containerY.get(c.id) ?? 0);
    nodes.push({ ...node, style: { opacity: dim(node.id) } });
  }
  for (const item of listed)
    nodes.push({
      id: item.id,
      ...sides,
      position: { x: X.storage, y: storageY.get(item.id) ?? 0 },
      data: {
        label: (
          <>
            {item.kind === 'bind' ? '📁 ' : item.kind === 'tmpfs' ? '⚡ ' : '◉ '}
            <MiddleEllipsis text={displayName(item)} />
          </>
        ),
      },
      className: `flow-node flow-${item.kind}${item.id === selectedId ? ' is-selected' : ''}${item.state === 'removed' ? ' is-removed' : ''}`,
      style: {
        opacity: item.state === 'removed' ? Math.min(0.45, dim(item.id)) : dim(item.id),
        borderColor: stateColor(item.state),
      },
    });
  for (const [id, y] of hostY) {
    const p = id.slice(2);
    nodes.push({
      id,
      ...sides,
      position: { x: X.host, y },
      data: {
        label: p
          .replace(/^\/var\/lib\/docker\/volumes\//, '…/volumes/')
          .replace(/([0-9a-f]{12})[0-9a-f]{52}/, '$1…'),
      },
      className: 'flow-node flow-host',
      style: { opacity: dim(id) },
    });
  }
  const storageEdges = edges.filter((e) => e.className === 'flow-edge-storage').length;
  const networkEdges = edges.length - storageEdges;
  for (const e of edges) {
    const on = !selectedId || (touched.has(e.source) && touched.has(e.target));
    e.style = { opacity: on ? 1 : 0.15, strokeWidth: selectedId && on ? 2 : 1.2 };
    // Labels where they help: on the selection's edges, or when there are few of their kind.
    const many = e.className === 'flow-edge-storage' ? storageEdges > 8 : networkEdges > 30;
    if (e.label && ((selectedId && !on) || (!selectedId && many))) delete e.label;
  }
  return { nodes, edges, touched, cut };
}

/**
 * A graph of networks, containers, volumes and host paths that highlights what the selection
 * touches. Clicking a volume or a network selects it; double-clicking a network opens it in the
 * Networks view (`onOpenNetwork`).
 */
export function StorageGraph({
  items,
  networks,
  selectedId,
  onSelect,
  onOpenNetwork,
}: {
  items: StorageItem[];
  networks: NetworkItem[];
  selectedId: string | undefined;
  /** A volume or network clicked (again: undefined, the selection is cleared). */
  onSelect: (id: string | undefined) => void;
  onOpenNetwork: (networkId: string) => void;
}) {
  const { nodes, edges, cut } = useMemo(
    () => buildGraph(items, networks, selectedId),
    [items, networks, selectedId],
  );
  if (!nodes.length)
    return (
      <div className="empty-state">
        <strong>Nothing to draw</strong>
        <span>Run a container with a volume or on a network to see it connected here.</span>
      </div>
    );
  return (
    <FlowGraph
      nodes={nodes}
      edges={edges}
      testId="storage-graph"
      label="Networks, containers, volumes and host paths"
      onNodeClick={(id) => !/^(c|h|host):/.test(id) && onSelect(id === selectedId ? undefined : id)}
      onNodeDoubleClick={(id) => {
        const network = networkIdOfNode(id);
        if (network) onOpenNetwork(network);
      }}
      note={cut ? `Showing the first ${MAX_ITEMS}; filter to see others.` : undefined}
    />
  );
}
