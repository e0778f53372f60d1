import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type WheelEvent,
} from 'react';
import type { TimelineModel } from '@contract';
import { TIMELINE_THEMES } from '@contract/timeline-view';
import {
  drawTimeline,
  formatSpan,
  LAYOUT,
  segmentAt,
  timeAt,
  type TimelineViewport,
} from './timeline-draw';
import { TimelineBands } from './timeline-bands';
import { bandViewport } from './use-step-link';

// The User Timing measure around each draw of the canvas (bench/timeline.ts reads it by name).
const DRAW_MEASURE = 'berth.timeline.draw';

/** The current theme's colours (explicit setting, else the system's). */
export function currentPalette() {
  const set = document.documentElement.dataset.theme;
  const dark = set ? set === 'dark' : window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  return TIMELINE_THEMES[dark ? 'dark' : 'light'];
}

interface Props {
  model: TimelineModel;
  view: TimelineViewport;
  onView: (view: TimelineViewport) => void;
  cursor?: number;
  onCursor: (at: number) => void;
  selectedRow: number;
  onSelectRow: (row: number) => void;
  selectedBand?: number | undefined;
  /** A step band was picked (click, or Enter on its button). */
  onBand: (index: number) => void;
}

/** Zooms the window around `at` by `factor` (< 1 zooms in). */
export function zoomView(
  view: TimelineViewport,
  factor: number,
  at = (view.from + view.to) / 2,
): TimelineViewport {
  const span = Math.min(Math.max((view.to - view.from) * factor, 20), 1000 * 60 * 60 * 24 * 30);
  const ratio = (at - view.from) / Math.max(1, view.to - view.from);
  return { ...view, from: at - span * ratio, to: at + span * (1 - ratio) };
}

/**
 * The timeline on a canvas, drawn at the device's pixel ratio and only for the visible rows.
 * Wheel scrolls rows, Ctrl/⌘+wheel zooms at the pointer, Shift+wheel or drag pans; hover shows
 * a segment's state, time, duration and cause; arrow keys move between rows and events.
 */
export function TimelineCanvas({
  model,
  view,
  onView,
  cursor,
  onCursor,
  selectedRow,
  onSelectRow,
  selectedBand,
  onBand,
}: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 800, height: 400 });
  const [hover, setHover] = useState<{ row: number; x: number; y: number; at: number } | null>(
    null,
  );
  const drag = useRef<{ x: number; view: TimelineViewport; moved: boolean } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const box = canvas?.parentElement;
    if (!canvas || !box) return;
    const observer = new ResizeObserver(() =>
      setSize({ width: Math.max(300, box.clientWidth), height: Math.max(160, box.clientHeight) }),
    );
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // Drawn before the browser paints (a layout effect), so the frame after an input shows it.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const began = performance.now();
    const ratio = window.devicePixelRatio || 1;
    // Resizing the backing store is costly: only when the size (or pixel ratio) changed.
    const [pixelWidth, pixelHeight] = [
      Math.round(size.width * ratio),
      Math.round(size.height * ratio),
    ];
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawTimeline(ctx, model, view, size, currentPalette(), {
      cursor,
      selectedRow,
      selectedBand,
      bandTitles: false,
      ...(hover ? { hoverRow: hover.row } : {}),
    });
    // A User Timing entry per draw (read by `npm run bench:timeline`); only the last one is kept.
    performance.clearMeasures(DRAW_MEASURE);
    performance.measure(DRAW_MEASURE, { start: began, detail: { rows: model.rows.length } });
  }, [model, view, size, cursor, selectedRow, selectedBand, hover]);

  const rowAt = (y: number) => Math.floor((y - LAYOUT.header) / LAYOUT.rowHeight + view.scrollRow);
  const local = (event: MouseEvent | WheelEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    const { x } = local(event);
    if (event.ctrlKey || event.metaKey)
      onView(zoomView(view, event.deltaY > 0 ? 1.25 : 0.8, timeAt(x, view, size.width)));
    else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const shift = ((event.deltaX || event.deltaY) / size.width) * (view.to - view.from);
      onView({ ...view, from: view.from + shift, to: view.to + shift });
    } else {
      const maxRow = Math.max(
        0,
        model.rows.length - Math.floor((size.height - LAYOUT.header) / LAYOUT.rowHeight),
      );
      onView({
        ...view,
        scrollRow: Math.min(maxRow, Math.max(0, view.scrollRow + event.deltaY / LAYOUT.rowHeight)),
      });
    }
  };

  const onMouseMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const { x, y } = local(event);
    if (drag.current) {
      const dx = x - drag.current.x;
      if (Math.abs(dx) > 2) drag.current.moved = true;
      const shift = (-dx / (size.width - LAYOUT.labelWidth)) * (view.to - view.from);
      onView({
        ...drag.current.view,
        from: drag.current.view.from + shift,
        to: drag.current.view.to + shift,
      });
      return;
    }
    const row = rowAt(y);
    setHover(
      y > LAYOUT.header && row < model.rows.length
        ? { row, x, y, at: timeAt(x, view, size.width) }
        : null,
    );
  };

  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    if (drag.current?.moved) return;
    const { x, y } = local(event);
    if (x > LAYOUT.labelWidth) onCursor(timeAt(x, view, size.width));
    const row = rowAt(y);
    if (y > LAYOUT.header && row < model.rows.length) onSelectRow(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const row = model.rows[selectedRow];
    const times = row
      ? [...row.segments.map((s) => s.from), ...row.ticks.map((t) => t.at)].sort((a, b) => a - b)
      : [];
    const here = cursor ?? view.from;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const next = Math.min(
        model.rows.length - 1,
        Math.max(0, selectedRow + (event.key === 'ArrowDown' ? 1 : -1)),
      );
      onSelectRow(next);
      const visibleRows = Math.floor((size.height - LAYOUT.header) / LAYOUT.rowHeight) - 1;
      if (next < view.scrollRow || next > view.scrollRow + visibleRows)
        onView({ ...view, scrollRow: Math.max(0, next - Math.floor(visibleRows / 2)) });
    } else if (event.key === 'ArrowRight') {
      const next = times.find((t) => t > here + 0.5);
      if (next !== undefined) onCursor(next);
    } else if (event.key === 'ArrowLeft') {
      const previous = [...times].reverse().find((t) => t < here - 0.5);
      if (previous !== undefined) onCursor(previous);
    } else if (event.key === '+' || event.key === '=') onView(zoomView(view, 0.8, cursor));
    else if (event.key === '-') onView(zoomView(view, 1.25, cursor));
    else return;
    event.preventDefault();
  };

  const hovered = hover ? model.rows[hover.row] : undefined;
  const segment =
    hovered && hover ? segmentAt(hovered, hover.at, Math.max(model.to, Date.now())) : undefined;
  return (
    <div className="timeline-canvas-box">
      <canvas
        ref={canvasRef}
        style={{ width: size.width, height: size.height }}
        tabIndex={0}
        role="img"
        aria-label={`Lifecycle timeline, ${model.rows.length} objects. Arrow keys move between rows and events; plus and minus zoom.`}
        onWheel={onWheel}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
        onMouseDown={(event) => (drag.current = { x: local(event).x, view, moved: false })}
        onMouseUp={() => setTimeout(() => (drag.current = null))}
        onClick={onClick}
        onKeyDown={onKeyDown}
      />
      <TimelineBands
        model={model}
        view={view}
        width={size.width}
        selectedBand={selectedBand}
        onBand={onBand}
        onFocusHidden={(band) => onView(bandViewport(model, band))}
      />
      {hover && hovered && segment && (
        <div
          className="timeline-tooltip"
          style={{ left: Math.min(hover.x + 14, size.width - 240), top: hover.y + 14 }}
          role="tooltip"
        >
          <strong>{hovered.label}</strong>
          <span className="timeline-state" data-state={segment.state}>
            {segment.state}
          </span>
          <span>
            from {formatSpan(segment.from - model.from)} for{' '}
            {formatSpan((segment.to ?? Date.now()) - segment.from)}
            {segment.to === null ? ' (so far)' : ''}
          </span>
          <span className="muted">{segment.cause}</span>
        </div>
      )}
    </div>
  );
}
