import type { NotePageView } from '@contract';
import { sanitizeNote } from './sanitize-note';

/** One chunk of a long note's HTML (see `vault.readNoteRest`). */
export type NoteChunk = NotePageView['chunks'][number];

/** Sanitizes HTML and parses it into the nodes of a fragment. */
function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = sanitizeNote(html);
  return template.content;
}

const elementsOf = (nodes: Node[]) => nodes.filter((node): node is Element => node instanceof Element);

/** The last table among the blocks of `root` (a table is rendered inside a `.table-wrapper`). */
function lastTable(root: HTMLElement): HTMLTableElement | null {
  const tables = root.querySelectorAll<HTMLTableElement>(':scope > .table-wrapper > table, :scope > table');
  return tables[tables.length - 1] ?? null;
}

const tbodyOf = (table: HTMLTableElement) => table.tBodies[table.tBodies.length - 1] ?? table.createTBody();

/**
 * Inserts a long note's chunks at the end of the note body, sanitized chunk by chunk: `add`
 * parses one chunk into a detached staging area, `flush` puts what was staged into the page in one
 * step (one layout of a long table instead of one per chunk). A chunk of table rows goes into
 * the table the chunk before opened (what follows its end tags after it). The DOM ends up as if
 * the whole note had been inserted at once.
 */
export class ChunkInserter {
  private readonly staged = document.createElement('div');
  private liveTable: HTMLTableElement | null = null;
  private liveRows: Node[] = [];
  private liveTail: Node[] = [];
  /** The last chunk added left a table open: more of its rows are to come. */
  private tableOpen = false;
  private added: Element[] = [];

  constructor(private readonly body: HTMLElement) {}

  /** Parses and sanitizes one chunk into the staging area. */
  add(chunk: NoteChunk): void {
    this.tableOpen = chunk.html.lastIndexOf('<table') > chunk.html.lastIndexOf('</table>') || (chunk.tableRows && !chunk.html.includes('</table>'));
    const table = chunk.tableRows ? (lastTable(this.staged) ?? (this.staged.childNodes.length ? null : lastTable(this.body))) : null;
    if (!table) {
      const nodes = [...parse(chunk.html).childNodes];
      this.staged.append(...nodes);
      this.added.push(...elementsOf(nodes));
      return;
    }
    // Rows only parse inside a table; the note's own end tags close it.
    const fragment = parse(`<table><tbody>${chunk.html}`);
    const parsed = fragment.querySelector('table');
    const rows = [...(parsed?.tBodies[0]?.childNodes ?? [])];
    const tail = [...(parsed?.childNodes ?? [])].filter((node) => node.nodeName !== 'TBODY');
    parsed?.remove();
    if (table.isConnected) {
      this.liveTable = table;
      this.liveRows.push(...rows);
      this.liveTail.push(...tail);
    } else {
      tbodyOf(table).append(...rows);
      table.append(...tail);
    }
    const after = [...fragment.childNodes];
    this.staged.append(...after);
    this.added.push(...elementsOf(rows), ...elementsOf(after));
  }

  /**
   * Puts everything staged into the body (replacing what it showed when `replace`); returns the
   * elements added. While a long table has rows to come, nothing moves unless `force`: the table
   * goes on screen whole (one layout of 10,000 rows, not one per page).
   */
  flush(replace = false, force = false): Element[] {
    if (!force && this.tableOpen) return [];
    if (replace) this.body.replaceChildren();
    else if (this.liveTable) {
      tbodyOf(this.liveTable).append(...this.liveRows);
      this.liveTable.append(...this.liveTail);
    }
    this.body.append(...this.staged.childNodes);
    const added = this.added;
    this.liveTable = null;
    this.liveRows = [];
    this.liveTail = [];
    this.added = [];
    return added;
  }
}
