import type { AnnotationTarget } from '../../contract/annotations';
import { approximateIndexOf, similarity } from './text-similarity';

/** Minimum similarity of the found text to the stored quote. */
export const FUZZY_QUOTE_THRESHOLD = 0.6;
/** Minimum similarity of prefix + found text + suffix to the stored ones. */
export const FUZZY_WINDOW_THRESHOLD = 0.7;
/** How far off (0..1) a 32-character piece of the quote may be for bitap to report it. */
const BITAP_THRESHOLD = 0.4;
const MIN_CONTEXT_FOR_BRACKET = 8;
const SEED = 8;
const MAX_SEEDS = 16;
const MAX_SEED_HITS = 200;
const MAX_SEED_CANDIDATES = 6;
const MAX_HITS = 40;

interface Span {
  start: number;
  end: number;
}

function occurrences(text: string, needle: string, limit = MAX_HITS): number[] {
  const hits: number[] = [];
  if (!needle.length) return hits;
  for (let i = text.indexOf(needle); i !== -1 && hits.length < limit; i = text.indexOf(needle, i + 1)) hits.push(i);
  return hits;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Candidate spans from the context: text between a surviving prefix and suffix. */
function bracketCandidates(text: string, target: AnnotationTarget): Span[] {
  const { exact, prefix, suffix } = target.quote;
  const maxGap = exact.length * 2 + 64;
  const spans: Span[] = [];
  const usablePrefix = prefix.length >= MIN_CONTEXT_FOR_BRACKET;
  const usableSuffix = suffix.length >= MIN_CONTEXT_FOR_BRACKET;
  if (usablePrefix) {
    for (const hit of occurrences(text, prefix)) {
      const start = hit + prefix.length;
      const suffixAt = usableSuffix ? text.indexOf(suffix, start) : -1;
      if (suffixAt !== -1 && suffixAt - start <= maxGap) spans.push({ start, end: suffixAt });
      spans.push({ start, end: start + exact.length });
    }
  }
  if (usableSuffix) {
    for (const hit of occurrences(text, suffix)) spans.push({ start: hit - exact.length, end: hit });
  }
  return spans;
}

/**
 * Candidate spans from pieces of the quote that survived the edit unchanged: 8-character seeds
 * vote for where the quote starts, and the best-supported places become candidates.
 */
function seedCandidates(text: string, target: AnnotationTarget): Span[] {
  const { exact } = target.quote;
  if (exact.length < SEED * 2) return [];
  const step = Math.max(SEED, Math.floor((exact.length - SEED) / (MAX_SEEDS - 1)));
  const votes = new Map<number, { start: number; count: number }>();
  let seeds = 0;
  for (let offset = 0; offset + SEED <= exact.length; offset += step) {
    const seed = exact.slice(offset, offset + SEED);
    if (!seed.trim()) continue;
    seeds++;
    for (const hit of occurrences(text, seed, MAX_SEED_HITS)) {
      const start = hit - offset;
      const bucket = Math.round(start / SEED);
      const entry = votes.get(bucket) ?? { start, count: 0 };
      entry.count++;
      votes.set(bucket, entry);
    }
  }
  // A place one seed points at is chance; a quote that survived an edit keeps most of its seeds.
  const needed = Math.max(2, Math.ceil(seeds / 4));
  return [...votes.values()]
    .filter((v) => v.count >= needed)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_SEED_CANDIDATES)
    .map(({ start }) => ({ start, end: start + exact.length }));
}

/** Candidate spans from bitap (diff-match-patch) matches of the quote's head and tail. */
function bitapCandidates(text: string, target: AnnotationTarget, near: number): Span[] {
  const { exact } = target.quote;
  const head = exact.slice(0, 32);
  const tail = exact.slice(-32);
  const spans: Span[] = [];
  const headAt = approximateIndexOf(text, head, near, BITAP_THRESHOLD);
  if (headAt !== -1) {
    spans.push({ start: headAt, end: headAt + exact.length });
    const tailAt = approximateIndexOf(text, tail, headAt + exact.length - tail.length, BITAP_THRESHOLD);
    if (tailAt !== -1 && tailAt + tail.length > headAt) spans.push({ start: headAt, end: tailAt + tail.length });
  }
  if (exact.length > 32) {
    const tailAt = approximateIndexOf(text, tail, near + exact.length - tail.length, BITAP_THRESHOLD);
    if (tailAt !== -1) spans.push({ start: tailAt + tail.length - exact.length, end: tailAt + tail.length });
  }
  return spans;
}

/** Moves the ends of a span onto the head and tail of the quote when they are close by. */
function refine(text: string, span: Span, target: AnnotationTarget): Span {
  const { exact } = target.quote;
  const slack = Math.max(8, Math.floor(exact.length * 0.25));
  const window = text.slice(Math.max(0, span.start - slack), span.end + slack);
  const base = Math.max(0, span.start - slack);
  const head = exact.slice(0, Math.min(16, exact.length));
  const tail = exact.slice(-Math.min(16, exact.length));
  const headAt = approximateIndexOf(window, head, span.start - base, 0.3);
  const tailAt = approximateIndexOf(window, tail, span.end - base - tail.length, 0.3);
  const start = headAt !== -1 && Math.abs(base + headAt - span.start) <= slack ? base + headAt : span.start;
  const end = tailAt !== -1 && Math.abs(base + tailAt + tail.length - span.end) <= slack ? base + tailAt + tail.length : span.end;
  return end > start ? { start, end } : span;
}

/**
 * Looks for a quote that no longer appears verbatim: candidates from its surviving context, from
 * unchanged pieces of it, and (for short quotes) from bitap near its old position, scored by
 * similarity. Returns the
 * best span above both thresholds, or null when nothing is close enough.
 */
export function fuzzyLocate(text: string, target: AnnotationTarget): Span | null {
  if (!text.length) return null;
  const near = Math.min(target.position.start, text.length);
  const found = pickBest(text, target, [...bracketCandidates(text, target), ...seedCandidates(text, target)]);
  // Bitap is for short quotes, too short to leave a seed when edited.
  if (found || target.quote.exact.length >= SEED * 2) return found;
  return pickBest(text, target, bitapCandidates(text, target, near));
}

function pickBest(text: string, target: AnnotationTarget, raw: Span[]): Span | null {
  const { exact, prefix, suffix } = target.quote;
  const wanted = prefix + exact + suffix;
  const seen = new Set<string>();
  let best: (Span & { score: number }) | null = null;
  for (const candidate of raw) {
    const trimmed = trimSpan(text, candidate);
    const roughKey = `~${trimmed.start}:${trimmed.end}`;
    if (seen.has(roughKey) || trimmed.end <= trimmed.start || trimmed.end - trimmed.start > exact.length * 2 + 64) continue;
    seen.add(roughKey);
    const rough = similarity(text.slice(trimmed.start, trimmed.end), exact);
    // Only spans that are already close are worth moving onto the quote's head and tail.
    const spans = rough < FUZZY_QUOTE_THRESHOLD - 0.2 ? [] : rough >= 0.98 ? [trimmed] : [trimmed, trimSpan(text, refine(text, trimmed, target))];
    for (const span of spans) {
      const key = `${span.start}:${span.end}`;
      if (span.end <= span.start || seen.has(key)) continue;
      seen.add(key);
      if (span.end - span.start > exact.length * 2 + 64) continue;
      const found = text.slice(span.start, span.end);
      const quoteScore = similarity(found, exact);
      if (quoteScore < FUZZY_QUOTE_THRESHOLD) continue;
      const around =
        text.slice(Math.max(0, span.start - prefix.length), span.start) + found + text.slice(span.end, span.end + suffix.length);
      const windowScore = similarity(around, wanted);
      if (windowScore < FUZZY_WINDOW_THRESHOLD) continue;
      const score = quoteScore + windowScore;
      if (!best || score > best.score) best = { ...span, score };
    }
  }
  return best ? { start: best.start, end: best.end } : null;
}
