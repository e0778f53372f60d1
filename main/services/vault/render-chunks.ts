import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * Where one chunk of a rendered note ends in its HTML. Chunks split the HTML only between
 * top-level blocks or between the rows of a long top-level table; `tableRows` marks a chunk of
 * rows (`<tr>…</tr>`, the table's last chunk also closes it) continuing the table the chunk before
 * opened. Joined in order, the chunks are the note's HTML, byte for byte.
 */
export interface ChunkMark {
  end: number;
  tableRows: boolean;
}

/** A note's HTML with its chunk boundaries (see `ChunkMark`). */
export interface ChunkedHtml {
  html: string;
  chunks: ChunkMark[];
}

/** About this much HTML per chunk (characters): a first screen, and a slice the reader inserts without a long task. */
const CHUNK_TARGET = 32_000;

/** Index of the token closing the block opened at `start` (the same token for self-contained blocks). */
function blockEnd(tokens: Token[], start: number): number {
  if (tokens[start]?.nesting !== 1) return start;
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += tokens[i]?.nesting ?? 0;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/**
 * Renders markdown-it tokens to HTML in chunks of about `target` characters, with the
 * renderer's own rules (the same HTML as `md.renderer.render(tokens, …)`), so the reader can
 * show the first chunk while the rest is on its way. `rowsApart` gives the HTML of rows a
 * top-level table has beyond its tokens (see `long-tables.ts`); `checkpoint` runs between blocks
 * and batches of rows (it throws to stop a render no longer wanted).
 */
export function renderChunked(
  md: MarkdownIt,
  tokens: Token[],
  env: unknown,
  target = CHUNK_TARGET,
  rowsApart: (tableOpen: number) => RowsApart | undefined = () => undefined,
  checkpoint: () => void = () => undefined,
): ChunkedHtml {
  const parts: string[] = [];
  const chunks: ChunkMark[] = [];
  let length = 0;
  let chunkStart = 0;
  const push = (html: string) => {
    checkpoint();
    // Flattened now (V8 flattens a string on charCodeAt): the renderer's result is a tree of
    // thousands of small pieces that would otherwise live, copied by every young-generation GC,
    // until the join. Half the render time of a 20,000-link note.
    html.charCodeAt(0);
    parts.push(html);
    length += html.length;
  };
  const render = (from: number, to: number) => push(md.renderer.render(tokens.slice(from, to + 1), md.options, env as object));
  const close = (tableRows: boolean) => {
    if (length > chunkStart) chunks.push({ end: length, tableRows });
    chunkStart = length;
  };
  for (let i = 0; i < tokens.length; ) {
    const end = blockEnd(tokens, i);
    const token = tokens[i];
    if (token?.type === 'table_open' && token.level === 0) {
      renderTable({ tokens, start: i, end, target, render, push, pending: () => length - chunkStart, close, apart: rowsApart(i) });
    } else {
      render(i, end);
      if (length - chunkStart >= target) close(false);
    }
    i = end + 1;
  }
  close(false);
  return { html: parts.join(''), chunks };
}

/** Rows are rendered in batches of about this many tokens. */
const ROW_BATCH_TOKENS = 256;

/** Rows of a table given apart from its tokens: their HTML goes before the token at `before` (a `tr_open` or the `tbody_close`). */
export interface RowsApart {
  before: number;
  html: Iterable<string>;
}

interface TableRender {
  tokens: Token[];
  start: number;
  end: number;
  target: number;
  render(from: number, to: number): void;
  push(html: string): void;
  pending(): number;
  close(tableRows: boolean): void;
  apart?: RowsApart;
}

/** A top-level table: its head and first rows end the current chunk, further rows come in chunks of their own. */
function renderTable({ tokens, start, end, target, render, push, pending, close, apart }: TableRender): void {
  let rows = false;
  const closeIfFull = () => {
    if (pending() < target) return;
    close(rows);
    rows = true;
  };
  const renderRows = (first: number, last: number) => {
    let from = first;
    for (let i = first; i < last; i++) {
      if (tokens[i]?.type !== 'tr_close' || tokens[i + 1]?.type !== 'tr_open') continue;
      if (i - from < ROW_BATCH_TOKENS) continue;
      render(from, i);
      from = i + 1;
      closeIfFull();
    }
    render(from, last);
  };
  const before = apart && apart.before > start && apart.before < end ? apart.before : -1;
  if (before < 0) renderRows(start, end);
  else {
    renderRows(start, before - 1);
    for (const html of apart?.html ?? []) {
      closeIfFull();
      push(html);
    }
    closeIfFull();
    renderRows(before, end);
  }
  // A table's last rows close their chunk, so a chunk of rows never carries other blocks.
  if (rows) close(true);
  else if (pending() >= target) close(false);
}
