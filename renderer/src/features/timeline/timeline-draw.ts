import type { TIMELINE_THEMES, TimelineModel, TimelineRow, TimelineSegment, TimelineState } from '@contract';

/** Geometry shared by drawing and hit-testing. */
export const LAYOUT = { labelWidth: 150, rowHeight: 24, header: 40, bandHeight: 18 } as const;

/** The visible time window and vertical scroll. */
export interface TimelineViewport {
  from: number;
  to: number;
  /** First visible row (fractional while scrolling). */
  scrollRow: number;
}

/** What is pointed at or selected, for highlighting. */
export interface TimelineMarks {
  hoverRow?: number;
  selectedRow?: number;
  cursor?: number | undefined;
  /** The step band picked in the view or the run view. */
  selectedBand?: number | undefined;
  /** False when the view lays its own step buttons over the band strip (default true). */
  bandTitles?: boolean;
}

export type Palette = (typeof TIMELINE_THEMES)['light'];

export function xOf(at: number, view: TimelineViewport, width: number): number {
  return (
    LAYOUT.labelWidth +
    ((at - view.from) / Math.max(1, view.to - view.from)) * (width - LAYOUT.labelWidth - 8)
  );
}

export function timeAt(x: number, view: TimelineViewport, width: number): number {
  return (
    view.from +
    ((x - LAYOUT.labelWidth) / Math.max(1, width - LAYOUT.labelWidth - 8)) * (view.to - view.from)
  );
}

/** A readable offset from the start: 120 ms, 2.4 s, 3 min. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 120_000) return `${(ms / 1000).toFixed(abs < 10_000 ? 1 : 0)} s`;
  if (abs < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** Round tick spacing (1, 2, 5 × 10^n ms) for about `count` ticks over `span`. */
function tickStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw;
}

/** The segment of `row` that covers `at`, if any. */
export function segmentAt(row: TimelineRow, at: number, end: number): TimelineSegment | undefined {
  return row.segments.find((s) => s.from <= at && (s.to ?? end) >= at);
}

const ROW_MARK: Record<TimelineRow['kind'], string> = {
  container: '▣',
  network: '⌘',
  named: '◍',
  anonymous: '◍',
  bind: '◍',
  tmpfs: '◍',
};

function rowLabel(row: TimelineRow): string {
  return `${ROW_MARK[row.kind]} ${row.label}`;
}

const rowIndexes = new WeakMap<TimelineModel, Map<string, number>>();

/** Row id → row number, built once per model (not per frame). */
function rowIndex(model: TimelineModel): Map<string, number> {
  let index = rowIndexes.get(model);
  if (!index) rowIndexes.set(model, (index = new Map(model.rows.map((row, i) => [row.id, i]))));
  return index;
}

/** Draws the timeline: bands, axis, visible rows with their segments and ticks, links and the cursor. */
export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  model: TimelineModel,
  view: TimelineViewport,
  size: { width: number; height: number },
  palette: Palette,
  marks: TimelineMarks = {},
): void {
  const { width, height } = size;
  const { labelWidth, rowHeight, header, bandHeight } = LAYOUT;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  ctx.font = '12px system-ui, -apple-system, "Segoe UI", sans-serif';
  ctx.textBaseline = 'middle';
  const x = (at: number) => xOf(at, view, width);
  const end = Math.max(model.to, Date.now());

  // Step bands (behind everything); the picked one tinted, with edges.
  model.bands.forEach((band, i) => {
    const bx = Math.max(labelWidth, x(band.from));
    const bw = Math.max(2, Math.min(width, x(band.to)) - bx);
    if (x(band.to) - bx <= 0) return;
    ctx.fillStyle = palette.band[i % 2] ?? palette.background;
    ctx.fillRect(bx, 0, bw, height);
    if (band.index === marks.selectedBand) {
      ctx.fillStyle = palette.states.attached;
      ctx.globalAlpha = 0.12;
      ctx.fillRect(bx, 0, bw, height);
      ctx.globalAlpha = 1;
      ctx.fillRect(bx, 0, 2, height);
      ctx.fillRect(bx + bw - 2, 0, 2, height);
    }
    if (marks.bandTitles === false) return;
    ctx.fillStyle = palette.muted;
    ctx.save();
    ctx.beginPath();
    ctx.rect(bx, 0, bw, bandHeight);
    ctx.clip();
    ctx.fillText(`${band.index + 1}. ${band.title}`, bx + 4, bandHeight / 2 + 2);
    ctx.restore();
  });

  // Time axis and grid.
  const span = view.to - view.from;
  const step = tickStep(span, Math.max(2, Math.floor((width - labelWidth) / 110)));
  const grid = new Path2D();
  ctx.fillStyle = palette.muted;
  for (
    let t = Math.ceil((view.from - model.from) / step) * step + model.from;
    t <= view.to;
    t += step
  ) {
    const gx = Math.round(x(t)) + 0.5;
    grid.moveTo(gx, header - 4);
    grid.lineTo(gx, height);
    ctx.fillText(formatSpan(t - model.from), gx + 3, header - 12);
  }
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.stroke(grid);

  // Rows (only the visible ones): highlights and labels first, then every segment of one state
  // as one path, every tick as one path, every connector as one path.
  const first = Math.max(0, Math.floor(view.scrollRow));
  const last = Math.min(model.rows.length, first + Math.ceil((height - header) / rowHeight) + 1);
  const rowY = (index: number) => header + (index - view.scrollRow) * rowHeight;
  for (let i = first; i < last; i++) {
    if (i !== marks.selectedRow && i !== marks.hoverRow) continue;
    ctx.fillStyle = palette.grid;
    ctx.globalAlpha = i === marks.selectedRow ? 0.9 : 0.5;
    ctx.fillRect(0, rowY(i), width, rowHeight);
    ctx.globalAlpha = 1;
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, header, labelWidth - 8, height - header);
  ctx.clip();
  ctx.fillStyle = palette.text;
  for (let i = first; i < last; i++)
    ctx.fillText(rowLabel(model.rows[i]!), 10, rowY(i) + rowHeight / 2);
  ctx.restore();
  const paths = new Map<TimelineState, Path2D>();
  const ticks = new Path2D();
  for (let i = first; i < last; i++) {
    const row = model.rows[i]!;
    const y = rowY(i);
    for (const segment of row.segments) {
      const sx = Math.max(labelWidth, x(segment.from));
      const ex = Math.min(width, x(segment.to ?? end));
      if (ex < labelWidth || sx > width) continue;
      let path = paths.get(segment.state);
      if (!path) paths.set(segment.state, (path = new Path2D()));
      path.rect(sx, y + 6, Math.max(segment.state === 'removed' ? 3 : 2, ex - sx), rowHeight - 12);
    }
    for (const tick of row.ticks) {
      const tx = x(tick.at);
      if (tx < labelWidth || tx > width) continue;
      ticks.moveTo(Math.round(tx) + 0.5, y + 3);
      ticks.lineTo(Math.round(tx) + 0.5, y + rowHeight - 3);
    }
  }
  for (const [state, path] of paths) {
    ctx.fillStyle = palette.states[state];
    ctx.fill(path);
  }
  ctx.strokeStyle = palette.text;
  ctx.globalAlpha = 0.4;
  ctx.stroke(ticks);
  ctx.globalAlpha = 1;

  // Container → mount/network connectors.
  const index = rowIndex(model);
  const connectors = new Path2D();
  for (let i = first; i < last; i++) {
    for (const link of model.rows[i]!.links) {
      const j = index.get(link.rowId);
      const lx = x(link.at);
      if (j === undefined || lx < labelWidth || lx > width) continue;
      connectors.moveTo(lx, rowY(i) + rowHeight / 2);
      connectors.lineTo(lx, rowY(j) + rowHeight / 2);
    }
  }
  ctx.strokeStyle = palette.muted;
  ctx.setLineDash([2, 2]);
  ctx.stroke(connectors);
  ctx.setLineDash([]);

  // Label column divider and the cursor.
  ctx.fillStyle = palette.grid;
  ctx.fillRect(labelWidth - 1, 0, 1, height);
  if (marks.cursor !== undefined && marks.cursor >= view.from && marks.cursor <= view.to) {
    const cx = Math.round(x(marks.cursor)) + 0.5;
    ctx.strokeStyle = palette.states.dangling;
    ctx.beginPath();
    ctx.moveTo(cx, bandHeight);
    ctx.lineTo(cx, height);
    ctx.stroke();
    // On a plate of the background: the axis label under it ("0 ms") does not show through.
    const label = formatSpan(marks.cursor - model.from);
    ctx.fillStyle = palette.background;
    ctx.fillRect(cx + 1, header - 21, ctx.measureText(label).width + 7, 18);
    ctx.fillStyle = palette.states.dangling;
    ctx.fillText(label, cx + 4, header - 12);
  }
}
