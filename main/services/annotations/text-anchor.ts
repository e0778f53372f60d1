import {
  QUOTE_CONTEXT_CHARS,
  type AnnotationTarget,
  type RenderedHeading,
  type RenderedText,
} from '../../contract/annotations';
import { fuzzyLocate } from './fuzzy-locate';
import { prefixSimilarity, suffixSimilarity } from './text-similarity';

/** Where a target landed in a text; `orphaned` results keep start/end of -1. */
export interface AnchorResult {
  status: 'anchored' | 'orphaned';
  method: 'position' | 'quote' | 'fuzzy' | 'none';
  start: number;
  end: number;
}

/** Thrown when a selection cannot become an annotation; the message is for people. */
export class SelectionError extends Error {
  override name = 'SelectionError';
}

// Context scores range 0..2 (prefix + suffix); position only breaks near-ties.
const AT_POSITION_BONUS = 0.15;
const PROXIMITY_WEIGHT = 0.1;
const CONFIDENT_CONTEXT = 1.9;
const MAX_OCCURRENCES = 2000;

/** Text of the nearest heading at or above `offset`, or null before the first heading. */
export function headingAt(headings: readonly RenderedHeading[], offset: number): string | null {
  let found: string | null = null;
  for (const heading of headings) {
    if (heading.offset > offset) break;
    found = heading.text;
  }
  return found;
}

/**
 * Turns a selection [start, end) of a rendered note into selectors: the quote with 32
 * characters of context each side, the position, and the heading above it. Whitespace at the
 * edges of the selection is left out.
 */
export function describeRange(rendered: RenderedText, start: number, end: number): AnnotationTarget {
  const { text } = rendered;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new SelectionError(`The selection ${start}–${end} is outside the note (it has ${text.length} characters).`);
  }
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  if (from === to) throw new SelectionError('Select some text to annotate; the selection holds only spaces.');
  if (to - from > 10_000) throw new SelectionError('That selection is too long to annotate; select at most 10,000 characters.');
  const sorted = [...rendered.headings].sort((a, b) => a.offset - b.offset);
  return {
    quote: {
      exact: text.slice(from, to),
      prefix: text.slice(Math.max(0, from - QUOTE_CONTEXT_CHARS), from),
      suffix: text.slice(to, to + QUOTE_CONTEXT_CHARS),
    },
    position: { start: from, end: to },
    heading: headingAt(sorted, from),
  };
}

function contextScore(text: string, start: number, end: number, target: AnnotationTarget): number {
  return prefixSimilarity(text, start, target.quote.prefix) + suffixSimilarity(text, end, target.quote.suffix);
}

/** Finds the exact quote, telling duplicates apart by their context and then by position. */
function locateExactQuote(text: string, target: AnnotationTarget): AnchorResult | null {
  const { exact } = target.quote;
  const { start: oldStart } = target.position;
  if (text.slice(oldStart, oldStart + exact.length) === exact) {
    // Exact position first: when the context around it still matches, nothing moved.
    if (contextScore(text, oldStart, oldStart + exact.length, target) >= CONFIDENT_CONTEXT) {
      return { status: 'anchored', method: 'position', start: oldStart, end: oldStart + exact.length };
    }
  }
  let best: { index: number; score: number } | null = null;
  let count = 0;
  for (let index = text.indexOf(exact); index !== -1 && count < MAX_OCCURRENCES; index = text.indexOf(exact, index + 1)) {
    count++;
    const proximity = 1 - Math.min(1, Math.abs(index - oldStart) / Math.max(1, text.length));
    const score =
      contextScore(text, index, index + exact.length, target) +
      (index === oldStart ? AT_POSITION_BONUS : 0) +
      PROXIMITY_WEIGHT * proximity;
    if (!best || score > best.score) best = { index, score };
  }
  if (!best) return null;
  return {
    status: 'anchored',
    method: best.index === oldStart ? 'position' : 'quote',
    start: best.index,
    end: best.index + exact.length,
  };
}

/**
 * Places a stored target in the current text: the exact position first, then the quote with its
 * context, then a fuzzy match above a similarity threshold. What cannot be placed is orphaned.
 */
export function anchorTarget(text: string, target: AnnotationTarget): AnchorResult {
  const exact = locateExactQuote(text, target);
  if (exact) return exact;
  const fuzzy = fuzzyLocate(text, target);
  if (fuzzy) return { status: 'anchored', method: 'fuzzy', start: fuzzy.start, end: fuzzy.end };
  return { status: 'orphaned', method: 'none', start: -1, end: -1 };
}

/** The selectors of a target moved to where it was found, with fresh context and heading. */
export function retarget(rendered: RenderedText, target: AnnotationTarget, result: AnchorResult): AnnotationTarget {
  if (result.status !== 'anchored') return target;
  const { text } = rendered;
  const sorted = [...rendered.headings].sort((a, b) => a.offset - b.offset);
  return {
    quote: {
      exact: text.slice(result.start, result.end),
      prefix: text.slice(Math.max(0, result.start - QUOTE_CONTEXT_CHARS), result.start),
      suffix: text.slice(result.end, result.end + QUOTE_CONTEXT_CHARS),
    },
    position: { start: result.start, end: result.end },
    heading: headingAt(sorted, result.start),
  };
}
