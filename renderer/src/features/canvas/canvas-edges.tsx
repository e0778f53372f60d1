import { memo } from 'react';
import type { CanvasEdgeView, CanvasNodeView } from '@contract';
import { colorProps } from './canvas-card';
import { edgeShape, type EdgeShape, type Rect } from './edge-geometry';
import { intersects } from './viewport';

/** An arrow of the canvas with its shape worked out. */
export interface ShapedEdge {
  edge: CanvasEdgeView;
  shape: EdgeShape;
}

/** The shapes of every arrow (once per canvas, not per frame). */
export function shapeEdges(nodes: readonly CanvasNodeView[], edges: readonly CanvasEdgeView[]): ShapedEdge[] {
  const boxes = new Map<string, Rect>(nodes.map((n) => [n.id, n]));
  const shaped: ShapedEdge[] = [];
  for (const edge of edges) {
    const from = boxes.get(edge.fromNode);
    const to = boxes.get(edge.toNode);
    if (from && to) shaped.push({ edge, shape: edgeShape(from, to, edge) });
  }
  return shaped;
}

/** The arrows on screen: curves and heads in one SVG under the cards (it draws outside its 1 px box). */
export const CanvasEdges = memo(function CanvasEdges({ edges, visible }: { edges: readonly ShapedEdge[]; visible: Rect }) {
  const shown = edges.filter((e) => intersects(e.shape.bounds, visible));
  return (
    <svg className="canvas-edges" width="1" height="1" aria-hidden="true">
      {shown.map(({ edge, shape }) => {
        const color = colorProps(edge.color);
        return (
          <g key={edge.id} className={`canvas-edge${color.className}`} style={color.style} data-edge-id={edge.id}>
            <path className="canvas-edge-line" d={shape.d} />
            {shape.fromHead && <polygon className="canvas-edge-head" points={shape.fromHead} />}
            {shape.toHead && <polygon className="canvas-edge-head" points={shape.toHead} />}
          </g>
        );
      })}
    </svg>
  );
});

/** The labels of the arrows on screen, centred on their curves. */
export const CanvasEdgeLabels = memo(function CanvasEdgeLabels({ edges, visible }: { edges: readonly ShapedEdge[]; visible: Rect }) {
  return (
    <>
      {edges
        .filter((e) => e.edge.label && intersects(e.shape.bounds, visible))
        .map(({ edge, shape }) => {
          const color = colorProps(edge.color);
          return (
            <div key={edge.id} className={`canvas-edge-label${color.className}`} style={{ ...color.style, left: shape.mid.x, top: shape.mid.y }} data-edge-id={edge.id}>
              {edge.label}
            </div>
          );
        })}
    </>
  );
});
