import { useEffect, useRef, type ReactNode } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  useNodesState,
  useReactFlow,
  useStore,
  type Edge,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { graphEdgeTypes } from './labelled-edge';
import './flow-graph.css';

const FIT_PADDING = 0.08;

/**
 * Fits the graph to its pane (whole, never larger than life), then moves it to the top: a wide
 * graph in a tall dock sits under the filters, not in a band halfway down an empty pane.
 */
function fitToTop(flow: ReturnType<typeof useReactFlow>, pane: Element): void {
  void flow.fitView({ padding: FIT_PADDING, duration: 0, maxZoom: 1 }).then(() => {
    const nodes = flow.getNodes();
    if (!nodes.length) return;
    const bounds = flow.getNodesBounds(nodes);
    const { x, zoom } = flow.getViewport();
    const height = pane.getBoundingClientRect().height;
    const top = Math.min(16, height * FIT_PADDING);
    if (bounds.height * zoom + 2 * top < height)
      void flow.setViewport({ x, y: top - bounds.y * zoom, zoom }, { duration: 0 });
  });
}

/** Fits the graph to its pane when it opens, when the pane is resized and when the layout changes. */
function FitOnResize({ layoutKey }: { layoutKey: string }) {
  const flow = useReactFlow();
  // Only measured nodes count in fitView: fit again once React Flow has measured new ones.
  const measured = useStore((s) => {
    let sum = 0;
    for (const node of s.nodeLookup.values())
      sum += (node.measured.width ?? 0) + (node.measured.height ?? 0);
    return sum;
  });
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const pane = box.current?.closest('.flow-graph');
    if (!pane) return;
    const fit = () => fitToTop(flow, pane);
    const observer = new ResizeObserver(() => requestAnimationFrame(fit));
    observer.observe(pane);
    return () => observer.disconnect();
  }, [flow]);
  useEffect(() => {
    const pane = box.current?.closest('.flow-graph');
    if (!measured || !pane) return;
    // Again a little later: a busy renderer may measure new nodes a few frames after they come.
    const fit = () => fitToTop(flow, pane);
    const frame = requestAnimationFrame(fit);
    const timers = [120, 500, 1500].map((ms) => setTimeout(fit, ms));
    return () => {
      cancelAnimationFrame(frame);
      timers.forEach(clearTimeout);
    };
  }, [flow, layoutKey, measured]);
  return <span ref={box} hidden />;
}

/**
 * A read-only node graph (React Flow) that always fits its dock: no dragging or connecting,
 * clicks reported by node id, an optional note in the corner (e.g. "showing the first 150").
 */
export function FlowGraph({
  nodes,
  edges,
  onNodeClick,
  onNodeDoubleClick,
  testId,
  label,
  note,
}: {
  nodes: Node[];
  edges: Edge[];
  onNodeClick?: (id: string) => void;
  onNodeDoubleClick?: (id: string) => void;
  testId: string;
  /** What the graph shows, for screen readers. */
  label: string;
  note?: ReactNode;
}) {
  // Controlled nodes that keep their measured size when the caller rebuilds them (a new snapshot
  // makes new node objects; without their size React Flow would hide them until measured again).
  const [shown, setShown, onNodesChange] = useNodesState<Node>([]);
  useEffect(() => {
    setShown((previous) => {
      const known = new Map(previous.map((n) => [n.id, n.measured]));
      return nodes.map((n) => {
        const measured = known.get(n.id);
        return measured ? { ...n, measured } : n;
      });
    });
  }, [nodes, setShown]);
  return (
    <div className="flow-graph" data-testid={testId} role="figure" aria-label={label}>
      <ReactFlow
        nodes={shown}
        onNodesChange={onNodesChange}
        edges={edges}
        edgeTypes={graphEdgeTypes}
        fitView
        fitViewOptions={{ padding: FIT_PADDING, maxZoom: 1 }}
        panOnScroll
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_, node) => onNodeClick?.(node.id)}
        onNodeDoubleClick={(_, node) => onNodeDoubleClick?.(node.id)}
        proOptions={{ hideAttribution: true }}
        minZoom={0.1}
      >
        <Background gap={18} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
        <FitOnResize
          layoutKey={shown.map((n) => `${n.id}@${n.position.x},${n.position.y}`).join('|')}
        />
      </ReactFlow>
      {note && <div className="flow-graph-note faint small">{note}</div>}
    </div>
  );
}

/**
 * Places nodes of one column near the heights they want, in that order, at least `gap` apart
 * (a sweep from the top; nothing overlaps). Returns id → y.
 */
export function placeColumn(wanted: { id: string; y: number }[], gap: number): Map<string, number> {
  const placed = new Map<string, number>();
  let floor = -Infinity;
  for (const node of [...wanted].sort((a, b) => a.y - b.y)) {
    const y = Math.max(node.y, floor + gap);
    placed.set(node.id, y);
    floor = y;
  }
  return placed;
}

/** The mean of some numbers (0 for none). */
export function meanOf(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Everything the selection touches: it, its neighbours, and the neighbours of its containers (`c:` ids). */
export function touchedBy(selectedId: string | undefined, edges: Edge[]): Set<string> {
  const touched = new Set<string>();
  if (!selectedId) return touched;
  touched.add(selectedId);
  const neighbours = (id: string) =>
    edges.flatMap((e) => (e.source === id ? [e.target] : e.target === id ? [e.source] : []));
  for (const id of neighbours(selectedId)) touched.add(id);
  for (const id of [...touched])
    if (id.startsWith('c:')) for (const next of neighbours(id)) touched.add(next);
  return touched;
}
