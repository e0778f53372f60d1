import { useEffect, useMemo, useRef } from 'react';
import {
  Background,
  Controls,
  Position,
  ReactFlow,
  useReactFlow,
  type Edge,
  type Node,
} from '@xyflow/react';
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
  // Removed items come only when the "Removed" filter asks for them; they are drawn faded.
  const listed = items.slice(0, MAX_ITEMS);
  const containers = new Map<string, string>();
  for (const item of listed)
    for (const u of item.uses) containers.set(u.containerId, u.containerName);
  // Storage next to its containers: order items by their first container, then lay containers at
  // the middle of their items (pushed apart so nothing overlaps).
  const containerOrder = new Map([...containers.keys()].map((id, i) => [id, i]));
  const firstUser = (item: StorageItem) =>
    Math.min(...item.uses.map((u) => containerOrder.get(u.containerId) ?? Infinity), Infinity);
  const shown = [...listed].sort((a, b) => firstUser(a) - firstUser(b));
  const itemRow = new Map(shown.map((item, i) => [item.id, i]));
  const edges: Edge[] = [];
  const hostPaths = new Map<string, string>();
  const hostRow = new Map<string, number>();
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
    const host =
      item.kind === 'bind' || item.state === 'removed' ? undefined : item.volume?.mountpoint;
    if (host) {
      hostPaths.set(`h:${host}`, host);
      hostRow.set(`h:${host}`, itemRow.get(item.id) ?? 0);
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
  const wanted = [...containers].map(([id, name]) => {
    const rows = shown
      .filter((item) => item.uses.some((u) => u.containerId === id))
      .map((item) => itemRow.get(item.id) ?? 0);
    return { id, name, y: rows.length ? (rows.reduce((a, b) => a + b, 0) / rows.length) * ROW : 0 };
  });
  wanted.sort((a, b) => a.y - b.y);
  let floor = -Infinity;
  for (const container of wanted) {
    const y = Math.max(container.y, floor + ROW);
    floor = y;
    nodes.push({
      id: `c:${container.id}`,
      ...sides,
      position: { x: 0, y },
      data: { label: `▣ ${container.name}` },
      className: 'flow-node flow-container',
      style: { opacity: dim(`c:${container.id}`) },
    });
  }
  shown.forEach((item, i) => {
    nodes.push({
      id: item.id,
      ...sides,
      position: { x: COL, y: i * ROW },
      data: {
        label: `${item.kind === 'bind' ? '📁 ' : item.kind === 'tmpfs' ? '⚡ ' : '◉ '}${displayName(item)}`,
      },
      className: `flow-node flow-${item.kind}${item.id === selectedId ? ' is-selected' : ''}${item.state === 'removed' ? ' is-removed' : ''}`,
      style: {
        opacity: item.state === 'removed' ? Math.min(0.45, dim(item.id)) : dim(item.id),
        borderColor: stateColor(item.state),
      },
    });
  });
  [...hostPaths].forEach(([id, p]) => {
    nodes.push({
      id,
      ...sides,
      position: { x: COL * 2, y: (hostRow.get(id) ?? 0) * ROW },
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

/** Fits the graph to the dock when it opens, when the dock is resized and when nodes come or go. */
function FitOnResize({ nodeCount }: { nodeCount: number }) {
  const flow = useReactFlow();
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const pane = box.current?.closest('.storage-graph');
    if (!pane) return;
    const fit = () => void flow.fitView({ padding: 0.08, duration: 0 });
    const observer = new ResizeObserver(() => requestAnimationFrame(fit));
    observer.observe(pane);
    return () => observer.disconnect();
  }, [flow]);
  useEffect(() => {
    requestAnimationFrame(() => void flow.fitView({ padding: 0.08, duration: 0 }));
  }, [flow, nodeCount]);
  return <span ref={box} hidden />;
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
        <FitOnResize nodeCount={nodes.length} />
      </ReactFlow>
      {items.length > MAX_ITEMS && (
        <div className="graph-note faint small">
          Showing the first {MAX_ITEMS}; filter to see others.
        </div>
      )}
    </div>
  );
}
