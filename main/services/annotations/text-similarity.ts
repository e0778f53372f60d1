import DiffMatchPatch from 'diff-match-patch';

const dmp = new DiffMatchPatch();
// Quotes are short; a diff that takes longer than this is not worth finishing.
dmp.Diff_Timeout = 0.05;

/** 1 for equal strings, 0 for nothing in common: 1 - Levenshtein distance / longer length. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const diffs = dmp.diff_main(a, b, false);
  return 1 - dmp.diff_levenshtein(diffs) / longest;
}

/**
 * How well the text before `index` matches a stored prefix, 0..1. Compares the same number of
 * characters, so a prefix cut short by the start of the note still scores 1 there.
 */
export function prefixSimilarity(text: string, index: number, prefix: string): number {
  if (!prefix.length) return index === 0 ? 1 : 0.5;
  const before = text.slice(Math.max(0, index - prefix.length), index);
  return similarity(before, prefix);
}

/** How well the text from `index` on matches a stored suffix, 0..1. */
export function suffixSimilarity(text: string, index: number, suffix: string): number {
  if (!suffix.length) return index === text.length ? 1 : 0.5;
  const after = text.slice(index, index + suffix.length);
  return similarity(after, suffix);
}

/** How far from the expected place bitap looks; beyond that it costs too much for a last resort. */
export const APPROXIMATE_WINDOW = 3000;

/**
 * Best approximate start of `pattern` (at most 32 characters) within APPROXIMATE_WINDOW of
 * `near`, or -1. `threshold` 0 demands a perfect match, 1 accepts anything.
 */
export function approximateIndexOf(text: string, pattern: string, near: number, threshold: number): number {
  if (!pattern.length || !text.length) return -1;
  const matcher = new DiffMatchPatch();
  const piece = pattern.slice(0, matcher.Match_MaxBits);
  const from = Math.max(0, near - APPROXIMATE_WINDOW);
  const window = text.slice(from, near + APPROXIMATE_WINDOW + piece.length);
  matcher.Match_Threshold = threshold;
  matcher.Match_Distance = APPROXIMATE_WINDOW;
  const loc = Math.min(Math.max(0, near - from), window.length);
  try {
    const found = matcher.match_main(window, piece, loc);
    return found === -1 ? -1 : from + found;
  } catch {
    return -1;
  }
}
