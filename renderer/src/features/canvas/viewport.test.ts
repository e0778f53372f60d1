import { describe, expect, it } from 'vitest';
import { boundsOf, clampZoom, dotSpacing, fitView, intersects, MAX_ZOOM, MIN_ZOOM, visibleRect, zoomAt } from './viewport';

describe('canvas viewport', () => {
  it('fits the board centred, never past 100%', () => {
    const bounds = boundsOf([{ x: 0, y: 0, width: 100, height: 100 }, { x: 900, y: 400, width: 100, height: 100 }])!;
    expect(bounds).toEqual({ x: 0, y: 0, width: 1000, height: 500 });
    const view = fitView(bounds, 600, 400, 50);
    expect(view.zoom).toBeCloseTo(0.5);
    expect(view.x + 500 * view.zoom).toBeCloseTo(300);
    expect(view.y + 250 * view.zoom).toBeCloseTo(200);
    expect(fitView({ x: 0, y: 0, width: 10, height: 10 }, 600, 400).zoom).toBe(1);
    expect(fitView(undefined, 600, 400)).toEqual({ x: 300, y: 200, zoom: 1 });
  });

  it('fits even a board two million pixels wide', () => {
    const view = fitView({ x: -1e6, y: -1e6, width: 2e6, height: 2e6 }, 800, 600);
    expect(view.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
    expect(2e6 * view.zoom).toBeLessThanOrEqual(600);
  });

  it('zooms about the pointer and within limits', () => {
    const view = zoomAt({ x: 10, y: 20, zoom: 1 }, 2, 110, 120);
    // The canvas point under the pointer (100, 100) stays under it.
    expect((110 - view.x) / view.zoom).toBeCloseTo(100);
    expect((120 - view.y) / view.zoom).toBeCloseTo(100);
    expect(zoomAt(view, 1000, 0, 0).zoom).toBe(MAX_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(clampZoom(0)).toBe(MIN_ZOOM);
  });

  it('knows what is on screen', () => {
    const rect = visibleRect({ x: -100, y: -50, zoom: 2 }, 400, 200, 0);
    expect(rect).toEqual({ x: 50, y: 25, width: 200, height: 100 });
    expect(intersects(rect, { x: 240, y: 100, width: 50, height: 50 })).toBe(true);
    expect(intersects(rect, { x: 251, y: 100, width: 50, height: 50 })).toBe(false);
  });

  it('keeps the background dots 12..60 px apart, or none when far out', () => {
    expect(dotSpacing(1)).toBe(20);
    expect(dotSpacing(0.5)).toBe(50);
    for (const zoom of [0.05, 0.1, 0.3, 1, 2, 4]) {
      const spacing = dotSpacing(zoom)!;
      expect(spacing).toBeGreaterThanOrEqual(12);
      expect(spacing).toBeLessThanOrEqual(80);
    }
    expect(dotSpacing(MIN_ZOOM)).toBeUndefined();
  });
});
