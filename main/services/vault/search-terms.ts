import type { SearchDocument } from './search-index';
import { tick } from './sliced-each';

/**
 * Search text beyond this many characters per note is not indexed: enough for the long notes
 * students paste (a 10,000-row table is ~220 K, 20,000 links ~570 K).
 */
export const INDEXED_TEXT_LIMIT = 1_000_000;

/** How much a word counts in each field of a note. */
export const FIELD_WEIGHTS = { name: 5, aliases: 4, headings: 2, tags: 2, text: 1 } as const;

const SEPARATORS = /[^\p{L}\p{N}_]+/u;
const ASCII_SEPARATORS = /[^a-z0-9_]+/;
// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** The part of a note's text that is indexed. */
export function indexedText(doc: SearchDocument): string {
  return doc.text.length > INDEXED_TEXT_LIMIT ? doc.text.slice(0, INDEXED_TEXT_LIMIT) : doc.text;
}

/**
 * The words of `value`, lower-cased (empty strings included where separators meet): the runs
 * between separators. In ASCII text the Unicode letters and digits are exactly a-z and 0-9, and
 * the ASCII pattern is much faster.
 */
export function wordsOf(value: string): string[] {
  const lower = value.toLowerCase();
  return lower.split(ASCII_ONLY.test(lower) ? ASCII_SEPARATORS : SEPARATORS);
}

/** A note's words with their summed field weights, and its length in words (see `SearchIndex.add`). */
export interface DocumentTerms {
  weights: Map<string, number>;
  length: number;
}

function countInto(terms: DocumentTerms, value: string, weight: number): void {
  if (value === '') return;
  for (const word of wordsOf(value)) {
    if (word === '') continue;
    terms.length++;
    terms.weights.set(word, (terms.weights.get(word) ?? 0) + weight);
  }
}

/** Text is counted this many characters at a time, with a turn of the event loop between. */
const PIECE_CHARS = 64_000;

/**
 * Counts a note's words a piece of its text at a time, yielding between pieces: a 1 MB note held
 * the main thread 40-80 ms in one go. Pieces end at whitespace, so no word is cut in two.
 */
export async function documentTermsInSlices(doc: SearchDocument, pieceChars = PIECE_CHARS): Promise<DocumentTerms> {
  const terms: DocumentTerms = { weights: new Map(), length: 0 };
  countInto(terms, doc.name, FIELD_WEIGHTS.name);
  countInto(terms, doc.aliases.join(' '), FIELD_WEIGHTS.aliases);
  countInto(terms, doc.headings.join(' '), FIELD_WEIGHTS.headings);
  countInto(terms, doc.tags.join(' ').replace(/\//g, ' '), FIELD_WEIGHTS.tags);
  const text = indexedText(doc);
  const whitespace = /\s/g;
  let at = 0;
  while (at < text.length) {
    whitespace.lastIndex = at + pieceChars;
    const end = whitespace.exec(text)?.index ?? text.length;
    countInto(terms, text.slice(at, end), FIELD_WEIGHTS.text);
    at = end;
    if (at < text.length) await tick();
  }
  return terms;
}
