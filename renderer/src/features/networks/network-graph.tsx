import { useMemo } from 'react';
import type { NetworkItem } from '@contract';
import { FlowGraph, touchedBy } from '../../ui/flow-graph';
import {
  containerNode,
  networkContainers,
  networkHubs,
  networkIdOfNode,
  networkNodeId,
} from '../../ui/network-graph-layer';

const MAX_CONTAINERS = 150;
const ROW = 44;
/** Where the containers stand: room for an address label on each edge, and a graph that fits the default dock near life size. */
const CONTAINER_X = 290;

/**
 * Networks as hubs with their containers (edges labelled with each container's address on that
 * network) and published ports as edges from the engine host. Clicking a hub selects the network;
 * the rest of the picture dims. Removed networks (shown when asked for) are faded.
 */
export function NetworkGraph({
  networks,
  selectedId,
  onSelect,
}: {
  networks: NetworkItem[];
  selectedId: string | undefined;
  onSelect: (networkId: string) => void;
}) {
  const { nodes, edges, cut } = useMemo(() => {
    const all = networkContainers(networks);
    const containers = all.slice(0, MAX_CONTAINERS);
    const containerY = new Map(containers.map((c, i) => [c.id, i * ROW]));
    const hubs = networkHubs(networks, containerY, { x: 0, gap: 58 });
    const selected = selectedId ? networkNodeId(selectedId) : undefined;
    const touched = touchedBy(selected, hubs.edges);
    const dim = (id: string) => (selected && !touched.has(id) ? 0.28 : 1);
    const nodes = [
      ...hubs.nodes.map((node) => ({
        ...node,
        className: `${node.className ?? ''}${node.id === selected ? ' is-selected' : ''}`,
        style: {
          opacity: node.className?.includes('is-removed')
            ? Math.min(0.45, dim(node.id))
            : dim(node.id),
        },
      })),
      ...containers.map((c) => {
        const node = containerNode(c, CONTAINER_X, containerY.get(c.id) ?? 0);
        return { ...node, style: { opacity: dim(node.id) } };
      }),
    ];
    for (const e of hubs.edges) {
      const on = !selected || (touched.has(e.source) && touched.has(e.target));
      e.style = { opacity: on ? 1 : 0.15, strokeWidth: selected && on ? 2 : 1.2 };
      if (e.label && ((selected && !on) || (!selected && hubs.edges.length > 30))) delete e.label;
    }
    return { nodes, edges: hubs.edges, cut: all.length > MAX_CONTAINERS };
  }, [networks, selectedId]);
  return (
    <FlowGraph
      nodes={nodes}
      edges={edges}
      testId="network-graph"
      label="Networks with their containers and published ports"
      onNodeClick={(id) => {
        const network = networkIdOfNode(id);
        if (network) onSelect(network);
      }}
      note={cut ? `Showing the first ${MAX_CONTAINERS} containers.` : undefined}
    />
  );
}
