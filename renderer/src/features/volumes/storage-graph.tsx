import { useMemo } from 'react';
import { Background, Controls, Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { StorageItem } from '@contract';
import { displayName } from './storage-filters';
import { stateColor } from './state-badge';

const MAX_ITEMS = 150;
const ROW = 44;
const COL = 180;
const sides = { sourcePosition: Position.Right, targetPosition: Position.Left };

/** Nodes and edges: containers → volumes/tmpfs → host paths, and containers → bind host paths. */
export function buildGraph(
  items: StorageItem[],
  selectedId: string | undefined,
): { nodes: Node[]; edges: Edge[]; touched: Set<string> } {
  const shown = items.filter((i) => i.state !== 'removed').slice(0, MAX_ITEMS);
  const containers = new Map<string, string>();
  for (const item of shown)
    for (const u of item.uses) containers.set(u.containerId, u.containerName);
  const edges: Edge[] = [];
  const hostPaths = new Map<string, string>();
  for (const item of shown) {
    for (const u of item.uses) {
      edges.push({
        id: `${u.containerId}->${item.id}:${u.destination}`,
        source: `c:${u.containerId}`,
        target: item.id,
        label: `${u.destination}${u.rw ? '' : ' ro'}`,
        animated: u.running,
      });
    }
    const host = item.kind === 'bind' ? undefined : item.volume?.mountpoint;
    if (host) {
      hostPaths.set(`h:${host}`, host);
      edges.push({ id: `${item.id}->h:${host}`, source: item.id, target: `h:${host}` });
    }
  }
  const touched = new Set<string>();
  if (selectedId) {
    touched.add(selectedId);
    // Whatever the selection touches: its containers, their other storage, its host path.
    for (const e of edges)
      if (e.source === selectedId || e.target === selectedId)
        touched.add(e.source === selectedId ? e.target : e.source);
    for (const e of edges)
      if (touched.has(e.source) && e.source.startsWith('c:')) touched.add(e.target);
  }
  const dim = (id: string) => (selectedId && !touched.has(id) ? 0.28 : 1);
  const nodes: Node[] = [];
  [...containers].forEach(([id, name], i) => {
    nodes.push({
      id: `c:${id}`,
      ...sides,
      position: { x: 0, y: i * ROW },
      data: { label: `▣ ${name}` },
      className: 'flow-node flow-container',
      style: { opacity: dim(`c:${id}`) },
    });
  });
  shown.forEach((item, i) => {
    nodes.push({
      id: item.id,
      ...sides,
      position: { x: COL, y: i * ROW },
      data: {
        label: `${item.kind === 'bind' ? '📁 ' : item.kind === 'tmpfs' ? '⚡ ' : '◉ '}${displayName(item)}`,
      },
      className: `flow-node flow-${item.kind}${item.id === selectedId ? ' is-selected' : ''}`,
      style: { opacity: dim(item.id), borderColor: stateColor(item.state) },
    });
  });
  [...hostPaths].forEach(([id, p], i) => {
    nodes.push({
      id,
      ...sides,
      position: { x: COL * 2, y: i * ROW },
      data: {
        label: p
          .replace(/^\/var\/lib\/docker\/volumes\//, '…/volumes/')
          .replace(/([0-9a-f]{12})[0-9a-f]{52}/, '$1…'),
      },
      className: 'flow-node flow-host',
      style: { opacity: dim(id) },
    });
  });
  for (const e of edges) {
    const on = !selectedId || (touched.has(e.source) && touched.has(e.target));
    e.style = { opacity: on ? 1 : 0.15, strokeWidth: selectedId && on ? 2 : 1 };
    // Mount paths only where they help: on the selection's edges, or when the graph is small.
    if (e.label && ((selectedId && !on) || (!selectedId && edges.length > 8))) delete e.label;
  }
  return { nodes, edges, touched };
}

/** A graph of containers, volumes and host paths that highlights what the selection touches. */
export function StorageGraph({
  items,
  selectedId,
  onSelect,
}: {
  items: StorageItem[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { nodes, edges } = useMemo(() => buildGraph(items, selectedId), [items, selectedId]);
  if (!nodes.length)
    return (
      <div className="empty-state">
        <strong>Nothing to draw</strong>
        <span>Run a container with a volume to see it connected here.</span>
      </div>
    );
  return (
    <div className="storage-graph" data-testid="storage-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_, node) =>
          !node.id.startsWith('c:') && !node.id.startsWith('h:') && onSelect(node.id)
        }
        proOptions={{ hideAttribution: true }}
        minZoom={0.2}
      >
        <Background gap={18} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
      {items.filter((i) => i.state !== 'removed').length > MAX_ITEMS && (
        <div className="graph-note faint small">
          Showing the first {MAX_ITEMS}; filter to see others.
        </div>
      )}
    </div>
  );
}
