import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { fitView, zoomAt, type Viewport } from './viewport';
import type { Rect } from './edge-geometry';

/** Moves a pointer must make before a press becomes a drag (a click on a link stays a click). */
const DRAG_THRESHOLD = 4;
const KEY_PAN = 60;
const ZOOM_STEP = 1.2;

/** The view of a canvas and what moves it. */
export interface CanvasNavigation {
  view: Viewport;
  size: { width: number; height: number };
  /** Whether the board has been fitted since it opened (before that its view is a placeholder). */
  fitted: boolean;
  fit(): void;
  zoomBy(factor: number): void;
  onKeyDown(event: React.KeyboardEvent<HTMLElement>): void;
  onPointerDown(event: React.PointerEvent<HTMLElement>): void;
  /** Swallows the click that ends a drag. */
  onClickCapture(event: React.MouseEvent<HTMLElement>): void;
}

/**
 * Pan and zoom for the canvas view, as in Obsidian: drag or scroll to pan (Shift+wheel sideways),
 * Ctrl/⌘+wheel or a pinch to zoom at the pointer; on the focused view the arrow keys pan (Shift:
 * further), + and - zoom, 0 fits. Fits the board when it opens (`fitKey` changes) and first gets a size.
 */
export function useCanvasNavigation(element: RefObject<HTMLElement | null>, bounds: Rect | undefined, fitKey: string): CanvasNavigation {
  const [view, setView] = useState<Viewport>({ x: 0, y: 0, zoom: 1 });
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [fittedFor, setFittedFor] = useState('');
  const drag = useRef<{ id: number; startX: number; startY: number; from: Viewport; moved: boolean } | null>(null);
  const justDragged = useRef(false);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const observer = new ResizeObserver(() => setSize({ width: node.clientWidth, height: node.clientHeight }));
    observer.observe(node);
    setSize({ width: node.clientWidth, height: node.clientHeight });
    return () => observer.disconnect();
  }, [element]);

  const fit = useCallback(() => setView(fitView(bounds, size.width, size.height)), [bounds, size.width, size.height]);
  useEffect(() => {
    if (!size.width || !size.height || fittedFor === fitKey) return;
    setFittedFor(fitKey);
    fit();
  }, [fit, fitKey, fittedFor, size.width, size.height]);

  const zoomBy = useCallback((factor: number) => setView((v) => zoomAt(v, factor, size.width / 2, size.height / 2)), [size.width, size.height]);

  // Wheel: a native listener, not passive, so the page itself never scrolls or zooms.
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? node.clientHeight : 1;
      const dx = event.deltaX * scale;
      const dy = event.deltaY * scale;
      if (event.ctrlKey || event.metaKey) {
        const rect = node.getBoundingClientRect();
        const factor = Math.exp(-Math.max(-100, Math.min(100, dy)) / 300);
        setView((v) => zoomAt(v, factor, event.clientX - rect.left, event.clientY - rect.top));
      } else if (event.shiftKey && !dx) setView((v) => ({ ...v, x: v.x - dy }));
      else setView((v) => ({ ...v, x: v.x - dx, y: v.y - dy }));
    };
    node.addEventListener('wheel', onWheel, { passive: false });
    return () => node.removeEventListener('wheel', onWheel);
  }, [element]);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      if (target !== event.currentTarget && target.closest('a, button, input, textarea, select')) return;
      const step = event.shiftKey ? KEY_PAN * 4 : KEY_PAN;
      const pan: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      const move = pan[event.key];
      if (move) setView((v) => ({ ...v, x: v.x + move[0], y: v.y + move[1] }));
      else if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP);
      else if (event.key === '-' || event.key === '_') zoomBy(1 / ZOOM_STEP);
      else if (event.key === '0') fit();
      else return;
      event.preventDefault();
    },
    [fit, zoomBy],
  );

  const onPointerDown = useCallback(
    (event: React.PointerEvent<HTMLElement>) => {
      justDragged.current = false;
      if (event.button !== 0 && event.button !== 1) return;
      const node = event.currentTarget;
      drag.current = { id: event.pointerId, startX: event.clientX, startY: event.clientY, from: view, moved: false };
      const onMove = (move: PointerEvent) => {
        const d = drag.current;
        if (!d || move.pointerId !== d.id) return;
        const dx = move.clientX - d.startX;
        const dy = move.clientY - d.startY;
        if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!d.moved) {
          d.moved = true;
          node.setPointerCapture(d.id);
          node.classList.add('is-panning');
        }
        setView({ ...d.from, x: d.from.x + dx, y: d.from.y + dy });
      };
      const onUp = (up: PointerEvent) => {
        if (drag.current?.id !== up.pointerId) return;
        justDragged.current = drag.current.moved;
        drag.current = null;
        node.classList.remove('is-panning');
        node.removeEventListener('pointermove', onMove);
        node.removeEventListener('pointerup', onUp);
        node.removeEventListener('pointercancel', onUp);
      };
      node.addEventListener('pointermove', onMove);
      node.addEventListener('pointerup', onUp);
      node.addEventListener('pointercancel', onUp);
    },
    [view],
  );

  const onClickCapture = useCallback((event: React.MouseEvent<HTMLElement>) => {
    if (!justDragged.current) return;
    justDragged.current = false;
    event.preventDefault();
    event.stopPropagation();
  }, []);

  return { view, size, fitted: fittedFor === fitKey, fit, zoomBy, onKeyDown, onPointerDown, onClickCapture };
}
