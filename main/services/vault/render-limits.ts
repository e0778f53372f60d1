import { escapeHtml } from './markdown/html-escape';
import type { ScannedNote } from './note-scan';
import { noteNameOf } from './vault-paths';

/** Notes longer than this (characters) open as plain text: rendering them would not be useful. */
export const PLAIN_TEXT_LIMIT = 5_000_000;
/** Notes whose tables hold more cells than this open as plain text. */
export const TABLE_CELL_LIMIT = 1_000_000;

/**
 * Cells of the note's tables, counted cheaply as the `|` separators on lines that start with
 * one (an upper bound; stops counting past `TABLE_CELL_LIMIT`).
 */
export function countTableCells(source: string): number {
  let cells = 0;
  let lineStart = true;
  let inTableLine = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10) {
      lineStart = true;
      inTableLine = false;
    } else if (lineStart && (code === 32 || code === 9)) {
      continue;
    } else {
      if (lineStart) inTableLine = code === 124;
      lineStart = false;
      if (inTableLine && code === 124 && ++cells > TABLE_CELL_LIMIT) return cells;
    }
  }
  return cells;
}

/** Why a note opens as plain text (a readable notice), or null when it can be rendered. */
export function plainTextReason(source: string): string | null {
  if (source.length > PLAIN_TEXT_LIMIT) {
    return `This note is ${(source.length / 1_000_000).toFixed(1)} million characters long, more than the ${PLAIN_TEXT_LIMIT / 1_000_000} million Berth renders, so it is shown as plain text. Nothing is lost: open it in an editor to change it.`;
  }
  const cells = countTableCells(source);
  if (cells > TABLE_CELL_LIMIT) {
    return `This note's tables hold more than ${TABLE_CELL_LIMIT.toLocaleString('en')} cells, more than Berth renders, so it is shown as plain text. Nothing is lost: open it in an editor to change it.`;
  }
  return null;
}

/** The facts of a note shown as plain text: no outline, links or properties, the text itself for search and annotations. */
export function plainTextScan(path: string, source: string): ScannedNote {
  return {
    title: noteNameOf(path),
    aliases: [],
    tags: [],
    headings: [],
    blockIds: [],
    links: [],
    properties: {},
    text: source,
  };
}

/** The note's text, escaped, in one preformatted block. */
export function plainTextHtml(source: string): string {
  return `<pre class="note-plain-text">${escapeHtml(source)}</pre>`;
}
