import type { Rect } from './edge-geometry';

/** Where the board is on screen: a canvas point p shows at `p * zoom + (x, y)` (px of the view). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Zoom limits: far enough out for the largest board Berth shows (±1,000,000 px), 4x in. */
export const MIN_ZOOM = 0.0002;
export const MAX_ZOOM = 4;
/** Below this zoom cards are drawn as coloured boxes without their content, as in Obsidian. */
export const DETAIL_ZOOM = 0.3;

/** Keeps a zoom factor within the limits. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(zoom) ? zoom : 1));
}

/** The box around all given boxes; undefined for none. */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (!rects.length) return undefined;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The view that shows all of `bounds` centred in a `width` x `height` view, never zoomed in past 100%. */
export function fitView(bounds: Rect | undefined, width: number, height: number, padding = 48): Viewport {
  if (!bounds || width <= 0 || height <= 0) return { x: width / 2, y: height / 2, zoom: 1 };
  const room = (size: number) => Math.max(size - 2 * padding, size / 2);
  const zoom = clampZoom(Math.min(room(width) / Math.max(bounds.width, 1), room(height) / Math.max(bounds.height, 1), 1));
  return {
    x: width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: height / 2 - (bounds.y + bounds.height / 2) * zoom,
    zoom,
  };
}

/** Zooms by `factor` keeping the canvas point under the view point (px, py) where it is. */
export function zoomAt(view: Viewport, factor: number, px: number, py: number): Viewport {
  const zoom = clampZoom(view.zoom * factor);
  const scale = zoom / view.zoom;
  return { x: px - (px - view.x) * scale, y: py - (py - view.y) * scale, zoom };
}

/** The part of the canvas a view shows, grown by `margin` of its size on every side. */
export function visibleRect(view: Viewport, width: number, height: number, margin = 0.25): Rect {
  const w = width / view.zoom;
  const h = height / view.zoom;
  return { x: -view.x / view.zoom - w * margin, y: -view.y / view.zoom - h * margin, width: w * (1 + 2 * margin), height: h * (1 + 2 * margin) };
}

/** True when two boxes overlap. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Screen spacing of the background dots: the canvas's 20 px grid, every 5th dot as the view zooms
 * out, so the dots stay 12..60 px apart; undefined (no dots) when far out.
 */
export function dotSpacing(zoom: number): number | undefined {
  let spacing = 20 * zoom;
  for (let i = 0; i < 3 && spacing < 12; i++) spacing *= 5;
  return spacing >= 12 ? spacing : undefined;
}
