import type { CanvasSide } from '@contract';

/** A box in canvas coordinates (px). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A point in canvas coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** How an arrow is drawn: a cubic bezier from side to side, its arrowheads and where its label goes. */
export interface EdgeShape {
  /** SVG path data of the curve (ends where the arrowheads start). */
  d: string;
  start: Point;
  end: Point;
  /** Arrowhead triangles as SVG `points`, when that end has one. */
  fromHead?: string;
  toHead?: string;
  /** Middle of the curve, for the label. */
  mid: Point;
  /** Box around the curve and its heads (for drawing only what is on screen). */
  bounds: Rect;
}

const NORMALS: Record<CanvasSide, Point> = { top: { x: 0, y: -1 }, right: { x: 1, y: 0 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 } };
/** Arrowhead length and half width (px), as Obsidian draws them. */
export const ARROW_LENGTH = 12;
const ARROW_HALF_WIDTH = 6;

/** The middle of a side of a box. */
export function sidePoint(rect: Rect, side: CanvasSide): Point {
  switch (side) {
    case 'top':
      return { x: rect.x + rect.width / 2, y: rect.y };
    case 'bottom':
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height };
    case 'left':
      return { x: rect.x, y: rect.y + rect.height / 2 };
    case 'right':
      return { x: rect.x + rect.width, y: rect.y + rect.height / 2 };
  }
}

/** The sides facing each other when a file names none: left/right when the boxes lie more beside than above each other. */
export function facingSides(from: Rect, to: Rect): [CanvasSide, CanvasSide] {
  const dx = to.x + to.width / 2 - (from.x + from.width / 2);
  const dy = to.y + to.height / 2 - (from.y + from.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? ['right', 'left'] : ['left', 'right'];
  return dy >= 0 ? ['bottom', 'top'] : ['top', 'bottom'];
}

/** How far the curve leaves a side before bending: longer for distant cards, within 40..250 px. */
export function controlDistance(start: Point, end: Point): number {
  return Math.min(250, Math.max(40, Math.hypot(end.x - start.x, end.y - start.y) / 2));
}

function head(tip: Point, inward: Point): string {
  const base = { x: tip.x - inward.x * ARROW_LENGTH, y: tip.y - inward.y * ARROW_LENGTH };
  const across = { x: -inward.y * ARROW_HALF_WIDTH, y: inward.x * ARROW_HALF_WIDTH };
  return [tip, { x: base.x + across.x, y: base.y + across.y }, { x: base.x - across.x, y: base.y - across.y }]
    .map((p) => `${round(p.x)},${round(p.y)}`)
    .join(' ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A point of a cubic bezier at t. */
export function bezierPoint(p0: Point, c1: Point, c2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * c1.x + c * c2.x + d * p3.x, y: a * p0.y + b * c1.y + c * c2.y + d * p3.y };
}

/**
 * The shape of an arrow between two cards, as Obsidian draws it: from the middle of one side to the
 * middle of the other (the sides the file names, else those facing each other), leaving each side
 * at a right angle; an arrowhead's tip touches the card, the curve stops at its base.
 */
export function edgeShape(from: Rect, to: Rect, options: { fromSide?: CanvasSide; toSide?: CanvasSide; fromEnd: 'none' | 'arrow'; toEnd: 'none' | 'arrow' }): EdgeShape {
  const [autoFrom, autoTo] = facingSides(from, to);
  const fromSide = options.fromSide ?? autoFrom;
  const toSide = options.toSide ?? autoTo;
  const start = sidePoint(from, fromSide);
  const end = sidePoint(to, toSide);
  const nFrom = NORMALS[fromSide];
  const nTo = NORMALS[toSide];
  // Where the curve itself starts and ends: at the base of an arrowhead.
  const p0 = options.fromEnd === 'arrow' ? { x: start.x + nFrom.x * ARROW_LENGTH, y: start.y + nFrom.y * ARROW_LENGTH } : start;
  const p3 = options.toEnd === 'arrow' ? { x: end.x + nTo.x * ARROW_LENGTH, y: end.y + nTo.y * ARROW_LENGTH } : end;
  const reach = controlDistance(p0, p3);
  const c1 = { x: p0.x + nFrom.x * reach, y: p0.y + nFrom.y * reach };
  const c2 = { x: p3.x + nTo.x * reach, y: p3.y + nTo.y * reach };
  const xs = [start.x, end.x, c1.x, c2.x];
  const ys = [start.y, end.y, c1.y, c2.y];
  const minX = Math.min(...xs) - ARROW_HALF_WIDTH;
  const minY = Math.min(...ys) - ARROW_HALF_WIDTH;
  const shape: EdgeShape = {
    d: `M ${round(p0.x)} ${round(p0.y)} C ${round(c1.x)} ${round(c1.y)}, ${round(c2.x)} ${round(c2.y)}, ${round(p3.x)} ${round(p3.y)}`,
    start,
    end,
    mid: bezierPoint(p0, c1, c2, p3, 0.5),
    bounds: { x: minX, y: minY, width: Math.max(...xs) + ARROW_HALF_WIDTH - minX, height: Math.max(...ys) + ARROW_HALF_WIDTH - minY },
  };
  // Heads point into the card: against the side's outward normal.
  if (options.fromEnd === 'arrow') shape.fromHead = head(start, { x: -nFrom.x, y: -nFrom.y });
  if (options.toEnd === 'arrow') shape.toHead = head(end, { x: -nTo.x, y: -nTo.y });
  return shape;
}
