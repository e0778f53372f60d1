import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';

/** A point of the cubic Bézier React Flow draws between a right-hand and a left-hand handle. */
function pointAt(t: number, sx: number, sy: number, tx: number, ty: number): [number, number] {
  const offset = Math.abs(tx - sx) / 2;
  const [c1x, c1y, c2x, c2y] = [sx + offset, sy, tx - offset, ty];
  const u = 1 - t;
  const x = u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx;
  const y = u * u * u * sy + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ty;
  return [x, y];
}

/*
 * A Bézier edge whose label sits two thirds of the way to its target, so the labels of edges
 * fanning out of one hub (the IPs of a network's containers) do not pile up at the hub.
 */
function NearTargetEdge(props: EdgeProps) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const [labelX, labelY] = pointAt(0.66, sourceX, sourceY, targetX, targetY);
  return (
    <BaseEdge
      id={props.id}
      path={path}
      labelX={labelX}
      labelY={labelY}
      label={props.label}
      labelStyle={props.labelStyle}
      labelShowBg={props.labelShowBg}
      labelBgStyle={props.labelBgStyle}
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={3}
      style={props.style}
      markerEnd={props.markerEnd}
      interactionWidth={props.interactionWidth}
    />
  );
}

/** Edge types of the graphs: `near-target` puts the label close to the target. */
export const graphEdgeTypes = { 'near-target': NearTargetEdge };
