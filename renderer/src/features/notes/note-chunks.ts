import type { NotePageView } from '@contract';
import { linkBlocksFragment } from './link-blocks';
import { plainRowsFragment } from './plain-rows';
import { sanitizeNoteFragment } from '../../ui/sanitize-note';
import { addSegmentRows, alignSegments, takesSegments } from './table-segments';

/** One chunk of a long note's HTML (see `vault.readNoteRest`). */
export type NoteChunk = NotePageView['chunks'][number];

const elementsOf = (nodes: Iterable<Node>) => [...nodes].filter((node): node is Element => node instanceof Element);

/** The last table among the blocks of `root` (a table is rendered inside a `.table-wrapper`). */
function lastTable(root: HTMLElement): HTMLTableElement | null {
  const tables = root.querySelectorAll<HTMLTableElement>(':scope > .table-wrapper > table, :scope > table');
  return tables[tables.length - 1] ?? null;
}

const tbodyOf = (table: HTMLTableElement) => table.tBodies[table.tBodies.length - 1] ?? table.createTBody();

/**
 * Inserts a long note's chunks at the end of the note body, sanitized chunk by chunk: `add`
 * parses one chunk into a detached staging area, `flush` puts what was staged into the page in one
 * step. A chunk of table rows continues the table the chunk before opened: in segments of its
 * own (see `table-segments.ts`), so the browser lays out only the rows near the screen; the rows
 * of a very wide table join it whole, when its last rows are in (one layout, not one per page).
 * The body ends up with the note's blocks, rows and text in order, as if inserted at once.
 */
export class ChunkInserter {
  private readonly staged = document.createElement('div');
  private added: Element[] = [];
  private readonly segments = new Set<HTMLElement>();
  /** New segments of tables on the page, put after their rows at the next flush. */
  private placed: [HTMLElement, HTMLElement][] = [];
  /** Rows waiting for a table on the page that is not cut into segments. */
  private liveTable: HTMLTableElement | null = null;
  private liveRows: Node[] = [];
  /** The last chunk added left a table open that is not cut into segments: more of its rows are to come. */
  private holding = false;

  constructor(private readonly body: HTMLElement) {}

  /** Parses and sanitizes one chunk into the staging area (rows into their table's segments). */
  add(chunk: NoteChunk): void {
    const table = chunk.tableRows ? (lastTable(this.staged) ?? (this.staged.childNodes.length ? null : lastTable(this.body))) : null;
    if (!table) {
      const nodes = [...(linkBlocksFragment(chunk.html) ?? sanitizeNoteFragment(chunk.html)).childNodes];
      this.staged.append(...nodes);
      this.added.push(...elementsOf(nodes));
      const opened = lastTable(this.staged);
      this.holding = chunk.html.lastIndexOf('<table') > chunk.html.lastIndexOf('</table>') && opened !== null && !takesSegments(opened);
      return;
    }
    // Rows only parse inside a table; the note's own end tags close it.
    const fragment = plainRowsFragment(chunk.html) ?? sanitizeNoteFragment(`<table><tbody>${chunk.html}`);
    const parsed = fragment.querySelector('table');
    parsed?.remove();
    const rows = [...(parsed?.tBodies[0]?.rows ?? [])];
    this.added.push(...rows);
    if (parsed && takesSegments(table)) {
      this.segments.add(addSegmentRows(table, parsed, (box, wrapper) => this.placed.push([box, wrapper])));
    } else if (table.isConnected) {
      this.liveTable = table;
      this.liveRows.push(...rows);
    } else tbodyOf(table).append(...rows);
    this.holding = !chunk.html.includes('</table>') && !takesSegments(table);
    const after = [...fragment.childNodes];
    this.staged.append(...after);
    this.added.push(...elementsOf(after));
  }

  /**
   * Puts everything staged into the body (replacing what it showed when `replace`); returns the
   * elements added. While a very wide table has rows to come, nothing moves unless `force`.
   */
  flush(replace = false, force = false): Element[] {
    if (this.holding && !force) return [];
    if (replace) this.body.replaceChildren();
    else if (this.liveTable) tbodyOf(this.liveTable).append(...this.liveRows);
    this.body.append(...this.staged.childNodes);
    for (const [box, wrapper] of this.placed) wrapper.append(box);
    this.placed = [];
    alignSegments([...this.segments].filter((box) => box.isConnected));
    this.segments.clear();
    this.liveTable = null;
    this.liveRows = [];
    const added = this.added;
    this.added = [];
    return added;
  }
}
