/**
 * Long tables as segments: the rows after a table's first screen go into further tables of
 * about `SEGMENT_CELLS` cells, each in a box the browser lays out only when it nears the screen
 * (`content-visibility: auto`), with the head table's column widths so the columns line up. The
 * rows, their order and their text are the note's; only the layout work is skipped.
 */

/** About this many cells per segment (300 rows of a 10-column table; at least `MIN_SEGMENT_ROWS` rows). */
export const SEGMENT_CELLS = 3_000;

/** Class of the box holding one segment table. */
export const SEGMENT_BOX_CLASS = 'table-segment-box';

interface Columns {
  widths: number[];
  tableWidth: number;
  rowHeight: number;
}

interface SegmentState {
  open: HTMLTableSectionElement | null;
  /** Rows of the table before the open segment (for the stripes of alternate rows). */
  rowsBefore: number;
  columns: Columns | null;
}

const states = new WeakMap<HTMLTableElement, SegmentState>();

function stateOf(head: HTMLTableElement): SegmentState {
  let state = states.get(head);
  if (!state) {
    state = { open: null, rowsBefore: head.tBodies[0]?.rows.length ?? 0, columns: null };
    states.set(head, state);
  }
  return state;
}

/**
 * At least this many rows per segment: a very wide table (2,000 columns) gets a few segments of
 * a few rows, each with its own 2,000 `<col>` widths, rather than a segment per row.
 */
const MIN_SEGMENT_ROWS = 8;

const segmentRows = (head: HTMLTableElement) => Math.max(MIN_SEGMENT_ROWS, Math.floor(SEGMENT_CELLS / Math.max(1, head.rows[0]?.cells.length ?? 1)));

/** True when further rows of `head` go into segments: a table in a `.table-wrapper` (any width: a wide one laid out whole took 20 s for 200 x 2,000 cells). */
export function takesSegments(head: HTMLTableElement): boolean {
  return Boolean(head.parentElement?.classList.contains('table-wrapper'));
}

/**
 * Adds rows (parsed inside `parsed`, a detached table) after those of `head`, a table inside a
 * `.table-wrapper`: into the open segment while it has room and is not on the page yet, else
 * `parsed` becomes a new segment. Returns the box of the segment the rows went into; a new box
 * is put after the table's rows unless the table is on the page (`place` then does it, so the
 * page changes once per flush, not once per chunk).
 */
export function addSegmentRows(head: HTMLTableElement, parsed: HTMLTableElement, place: (box: HTMLElement, wrapper: HTMLElement) => void): HTMLElement {
  const wrapper = head.parentElement;
  const rows = [...(parsed.tBodies[0]?.rows ?? [])];
  const state = stateOf(head);
  const openBox = state.open?.closest<HTMLElement>(`.${SEGMENT_BOX_CLASS}`);
  if (state.open && openBox && !openBox.isConnected && state.open.rows.length < segmentRows(head)) {
    state.open.append(...rows);
    return openBox;
  }
  if (state.open) state.rowsBefore += state.open.rows.length;
  parsed.classList.add('table-segment');
  // Alternate rows keep their stripes across segments.
  parsed.classList.toggle('is-odd-start', state.rowsBefore % 2 === 1);
  const box = document.createElement('div');
  box.className = SEGMENT_BOX_CLASS;
  // Out of layout until `alignSegments` gives it its columns and height: a box without a height
  // counts as on screen, so measuring the head table would lay out every new segment too
  // (2 s for the rows of a 2,000-column table).
  box.hidden = true;
  box.append(parsed);
  if (wrapper?.isConnected) place(box, wrapper);
  else wrapper?.append(box);
  state.open = parsed.tBodies[0] ?? null;
  return box;
}

function measure(head: HTMLTableElement): Columns | null {
  const cells = head.rows[0]?.cells;
  if (!cells?.length || !head.isConnected) return null;
  const widths = [...cells].map((cell) => cell.getBoundingClientRect().width);
  const body = head.tBodies[0];
  const bodyRows = body?.rows.length ?? 0;
  const rowHeight = bodyRows && body ? body.getBoundingClientRect().height / bodyRows : (head.rows[0]?.getBoundingClientRect().height ?? 30);
  return { widths, tableWidth: head.getBoundingClientRect().width, rowHeight };
}

function fixColumns(table: HTMLTableElement, columns: Columns): void {
  if (table.querySelector(':scope > colgroup')) return;
  const group = document.createElement('colgroup');
  for (const width of columns.widths) {
    const col = document.createElement('col');
    col.style.width = `${width}px`;
    group.append(col);
  }
  table.prepend(group);
  table.classList.add('has-fixed-columns');
  table.style.tableLayout = 'fixed';
  table.style.width = `${columns.tableWidth}px`;
}

/**
 * Gives new segment boxes (on the page now) the head table's column widths, and a height
 * estimate for while they are not laid out. The head table is measured once, then fixed to
 * the same widths.
 */
export function alignSegments(boxes: HTMLElement[]): void {
  // Every head is measured before any new box shows (one layout of the head tables alone).
  for (const box of boxes) {
    const head = box.parentElement?.querySelector<HTMLTableElement>(':scope > table');
    if (head) stateOf(head).columns ??= measure(head);
  }
  for (const box of boxes) {
    box.hidden = false;
    const head = box.parentElement?.querySelector<HTMLTableElement>(':scope > table');
    const table = box.querySelector<HTMLTableElement>(':scope > table');
    if (!head || !table) continue;
    const state = stateOf(head);
    if (!state.columns) continue;
    fixColumns(head, state.columns);
    fixColumns(table, state.columns);
    box.style.width = `${state.columns.tableWidth}px`;
    box.style.containIntrinsicSize = `auto ${Math.round(state.columns.tableWidth)}px auto ${Math.round(table.rows.length * state.columns.rowHeight)}px`;
  }
}
