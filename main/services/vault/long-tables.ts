import type MarkdownIt from 'markdown-it';
import type { RenderEnv } from './markdown/render-env';
import type { RowsApart } from './render-chunks';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * Long tables without a long-lived token list (issue 13): markdown-it keeps every token of a note
 * until it is rendered, and for a 10,000-row table that is ~400,000 objects the garbage collector
 * then walks again and again (40% of the render). Here the rows past a table's first screen are cut
 * out of the source before the one markdown-it parse, and rendered afterwards a batch at a time:
 * rows of plain cells (words, numbers) straight to markdown-it's HTML, other batches parsed by
 * markdown-it as a table of their own (the same head and alignment row, the same env), so their
 * tokens die young. Only runs of lines that begin with `|` are cut: markdown-it takes every such
 * line as a row of the table above it, so cutting them changes nothing but which parse makes the row.
 * `parseWithLongTables` checks that after the parse and gives up (null) on anything else.
 */

/** Notes shorter than this (characters) are parsed whole. */
const CUT_FROM_CHARS = 64_000;
/** About this many cells of a table stay in the note's own parse (its first screen). */
const KEEP_CELLS = 3_000;
/** A run is cut only when at least this many cells would leave the parse. */
const CUT_MIN_CELLS = 6_000;
/** About this many cells per batch of rows parsed on their own. */
const BATCH_CELLS = 3_000;
/** markdown-it's own limit on padded cells per table (`MAX_AUTOCOMPLETED_CELLS` in its table rule). */
const MAX_AUTOCOMPLETED_CELLS = 0x10000;

/** Rows cut out of the note's source: `at` is the line of the cut source where they were. */
interface Cut {
  at: number;
  /** Line of the whole source where the cut rows start, and the rows themselves. */
  from: number;
  rows: string[];
}

/** A parse of a note whose long tables' rows come later, in batches (see `rowsAfter`). */
export interface LongTableParse {
  tokens: Token[];
  /** HTML of the rows cut from the table opened at this token index, and where they go (none for other tables). */
  rowsApart(tableOpen: number): RowsApart | undefined;
}

/** A line markdown-it takes as one more row of a table it is in (no block starts with `|`; under 4 spaces in). */
const isPipeLine = (line: string) => /^ {0,3}\|/.test(line);

/** Cells of a table row the way markdown-it's table rule counts them (`escapedSplit`, outer empties dropped). */
export function rowCellCount(line: string): number {
  const text = line.trim();
  if (!text) return 0;
  let cells = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92) cells++;
  }
  if (text.charCodeAt(0) === 124) cells--;
  if (text.length > 1 && text.charCodeAt(text.length - 1) === 124 && text.charCodeAt(text.length - 2) !== 92) cells--;
  else if (text === '|') cells = 0;
  return Math.max(0, cells);
}

function findCuts(lines: string[]): Cut[] {
  const cuts: Cut[] = [];
  let removed = 0;
  for (let i = 0; i < lines.length; ) {
    if (!isPipeLine(lines[i] ?? '')) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && isPipeLine(lines[end] ?? '')) end++;
    const columns = Math.max(1, rowCellCount(lines[i] ?? ''));
    const keep = Math.max(3, Math.ceil(KEEP_CELLS / columns));
    const rows = lines.slice(i + keep, end);
    // Footnote references are numbered as the one parse meets them: rows holding one stay in it.
    if (rows.length * columns >= CUT_MIN_CELLS && !rows.some((row) => row.includes('[^'))) {
      cuts.push({ at: i + keep - removed, from: i + keep, rows });
      removed += rows.length;
    }
    i = end;
  }
  return cuts;
}

/** markdown-it core rule: token line numbers (`map`) of the cut source become those of the whole source. */
export function lineShiftRule(state: { env: unknown; tokens: Token[] }): void {
  const cuts = (state.env as { lineCuts?: Cut[] }).lineCuts;
  if (!cuts?.length) return;
  const shift = (line: number) => {
    let by = 0;
    for (const cut of cuts) if (cut.at <= line) by += cut.rows.length;
    return line + by;
  };
  for (const token of state.tokens) {
    if (token.map) token.map = [shift(token.map[0]), shift(token.map[1])];
  }
}

/** Index of the token closing the block opened at `start`. */
function closeOf(tokens: Token[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    depth += tokens[i]?.nesting ?? 0;
    if (depth === 0) return i;
  }
  return -1;
}

/** The level-0 table holding the cut rows, checked to be the table markdown-it makes of the whole source; -1 when it is not. */
function tableOfCut(tokens: Token[], lines: string[], cut: Cut): number {
  const end = cut.from + cut.rows.length;
  // The table spans the cut (its rows may go on after the run: lazy lines are rows too).
  const index = tokens.findIndex((token) => token.type === 'table_open' && token.level === 0 && token.map && token.map[0] < cut.from && token.map[1] >= end);
  const open = tokens[index];
  if (!open?.map || tokens[closeOf(tokens, index) - 1]?.type !== 'tbody_close') return -1;
  let columns = 0;
  for (let i = index; i < tokens.length && tokens[i]?.type !== 'thead_close'; i++) if (tokens[i]?.type === 'th_open') columns++;
  // markdown-it stops a table once it has padded too many short rows: the cut parse must not see fewer.
  let padded = 0;
  for (let line = open.map[0] + 2; line < open.map[1]; line++) {
    padded += columns - rowCellCount(lines[line] ?? '');
    if (padded > MAX_AUTOCOMPLETED_CELLS) return -1;
  }
  return index;
}

/** Cell text markdown-it renders as itself: no inline syntax, nothing to escape, nothing linkify could take. */
const PLAIN_CELL = /^[\p{L}\p{N} .,;()?-]*$/u;

/** Column alignments of the table opened at `tableOpen` (its `th` style attributes). */
function alignsOf(tokens: Token[], tableOpen: number): string[] {
  const styles: string[] = [];
  for (let i = tableOpen; i < tokens.length && tokens[i]?.type !== 'thead_close'; i++) {
    const token = tokens[i];
    if (token?.type === 'th_open') styles.push(token.attrGet('style') ?? '');
  }
  return styles;
}

/**
 * A batch of rows rendered the way markdown-it renders them (`<tr>`, one `<td>` per column, short rows
 * padded, long ones cut), when every cell is plain text (`PLAIN_CELL`); null when one is not.
 */
function plainRows(md: MarkdownIt, rows: string[], styles: string[]): string | null {
  const opens = styles.map((style) => (style ? `<td style="${style}">` : '<td>'));
  let html = '';
  for (const row of rows) {
    if (row.includes('\\')) return null;
    const cells = row.trim().split('|');
    if (cells[0] === '') cells.shift();
    if (cells.length && cells[cells.length - 1] === '') cells.pop();
    html += '<tr>\n';
    for (let i = 0; i < opens.length; i++) {
      const text = (cells[i] ?? '').trim();
      if (!PLAIN_CELL.test(text) || (text && md.linkify.pretest(text))) return null;
      html += `${opens[i]}${text}</td>\n`;
    }
    html += '</tr>\n';
  }
  return html;
}

/** The HTML of `rows` as markdown-it renders them under `head` and `rule`, a batch at a time: plain rows directly, others by a markdown-it parse of their own. */
function* batchedRows(md: MarkdownIt, env: RenderEnv, table: { head: string; rule: string; styles: string[] }, rows: string[]): Generator<string> {
  // The note's footnotes are not the batch's: no footnote list is appended to it.
  const batchEnv: RenderEnv = { ...env, footnotes: undefined, lineCuts: undefined };
  const per = Math.max(1, Math.ceil(BATCH_CELLS / Math.max(1, table.styles.length)));
  for (let i = 0; i < rows.length; i += per) {
    const batch = rows.slice(i, i + per);
    const plain = plainRows(md, batch, table.styles);
    if (plain !== null) {
      yield plain;
      continue;
    }
    const tokens = md.parse(`${table.head}\n${table.rule}\n${batch.join('\n')}`, batchEnv);
    const bodyOpen = tokens.findIndex((token) => token.type === 'tbody_open');
    const bodyClose = tokens.findIndex((token) => token.type === 'tbody_close');
    if (tokens[0]?.type !== 'table_open' || tokens[0].map?.[1] !== batch.length + 2 || bodyOpen < 0 || bodyClose < bodyOpen)
      throw new Error('A batch of table rows did not parse as rows of its table.');
    yield md.renderer.render(tokens.slice(bodyOpen + 1, bodyClose), md.options, batchEnv);
  }
}

/**
 * Parses `body` with its long tables' rows cut out (see above), or returns null when the note is
 * short or has no long table (`env` untouched), or the cut parse is not provably the same as the
 * whole one (`env` used: parse again with a fresh one). `md` must run `lineShiftRule` after its
 * block rule.
 */
export function parseWithLongTables(md: MarkdownIt, body: string, env: RenderEnv): LongTableParse | null {
  if (body.length < CUT_FROM_CHARS) return null;
  const lines = body.split('\n');
  const cuts = findCuts(lines);
  if (!cuts.length) return null;
  const kept: string[] = [];
  let next = 0;
  for (const cut of cuts) {
    kept.push(...lines.slice(next, cut.from));
    next = cut.from + cut.rows.length;
  }
  kept.push(...lines.slice(next));
  const tokens = md.parse(kept.join('\n'), Object.assign(env, { lineCuts: cuts }));
  env.lineCuts = undefined;
  const byTable = new Map<number, Cut>();
  for (const cut of cuts) {
    const index = tableOfCut(tokens, lines, cut);
    // Not the table it was taken for: the caller parses the whole body, with a fresh env.
    if (index < 0) return null;
    byTable.set(index, cut);
  }
  return {
    tokens,
    rowsApart(tableOpen) {
      const cut = byTable.get(tableOpen);
      const start = tokens[tableOpen]?.map?.[0];
      if (!cut || start === undefined) return undefined;
      // Before the first row after the cut (a lazy line is a row too), else before `</tbody>`.
      let before = tableOpen;
      const end = cut.from + cut.rows.length;
      while (tokens[before]?.type !== 'tbody_close' && !(tokens[before]?.type === 'tr_open' && (tokens[before]?.map?.[0] ?? 0) >= end)) before++;
      const table = { head: lines[start] ?? '', rule: lines[start + 1] ?? '', styles: alignsOf(tokens, tableOpen) };
      return { before, html: batchedRows(md, env, table, cut.rows) };
    },
  };
}
