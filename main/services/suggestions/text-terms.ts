/**
 * Words that say nothing about which demo fits: English function words, the same in the
 * languages students mix in (German, French, Spanish) and a few words that only link a phrase together.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then than so of to in on at by for with from into onto over under as is are was were be been being ' +
    'it its this that these those there here what which who whom how why when where do does did done can could will would should ' +
    'may might must shall i you he she we they me my your our their them his her us not no yes just also only very more most ' +
    'some any all each every other such same own too about after before again once while until between through ' +
    'get gets got use used using uses like e g eg ie etc vs versus via per one two note notes todo see example examples ' +
    'der die das den dem des ein eine einer einem und oder ist sind nicht mit von zu im am auf fur für bei wird werden auch ' +
    'le la les un une des et ou est sont pas avec pour dans sur du au aux ce cette qui que ' +
    'el los las y o es son con para en por del al lo se su sus que'
  ).split(' '),
);

/** Lower case, accents removed, so "Entrypoint", "ENTRYPOINT" and "entrypoínt" are one term. */
export function foldTerm(term: string): string {
  const lower = term.toLowerCase();
  // eslint-disable-next-line no-control-regex -- ASCII fast path
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * MiniSearch term processing for both the demo index and the queries: folded, stop words
 * dropped, a plural `s` removed ("volumes" -> "volume", "mounts" -> "mount").
 */
export function processTerm(term: string): string | null {
  const folded = foldTerm(term).replace(/^[-.]+|[-.]+$/g, '');
  if (folded.length < 2 || STOP_WORDS.has(folded) || /^\d+$/.test(folded)) return null;
  if (folded.length > 4 && folded.endsWith('s') && !folded.endsWith('ss') && !folded.endsWith('us'))
    return folded.slice(0, -1);
  return folded;
}

const WORD = /[\p{L}\p{N}]+(?:[-.'][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into words: runs of letters and digits; `-`, `.` and `'` inside a word join it
 * ("read-only" -> "readonly", "host.docker.internal" -> "hostdockerinternal").
 */
export function tokenize(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.replace(/[-.']/g, ''));
}

/**
 * Terms of a heading, plus each two neighbouring words written together, so "read only" and
 * "bind mount" also meet "read-only" and "bind-mount".
 */
export function headingTerms(text: string): string[] {
  const words = tokenize(text);
  const terms = new Set<string>();
  words.forEach((word, at) => {
    const single = processTerm(word);
    if (single) terms.add(single);
    const next = words[at + 1];
    const joined = next ? processTerm(word + next) : null;
    if (joined) terms.add(joined);
  });
  return [...terms];
}

/** Words a claim turns on ("only", "always", "every"), kept when sentences are compared with misconceptions. */
const QUALIFIERS = new Set([
  'only',
  'always',
  'all',
  'every',
  'each',
  'same',
  'never',
  'no',
  'not',
]);

/** `processTerm` for the claim check: qualifiers stay, since "only X" and "X" are different claims. */
export function processClaimTerm(term: string): string | null {
  const folded = foldTerm(term);
  return QUALIFIERS.has(folded) ? folded : processTerm(term);
}

/** The processed, distinct terms of a text, in order of first appearance. */
export function termsOf(
  text: string,
  process: (term: string) => string | null = processTerm,
): string[] {
  const terms = new Set<string>();
  for (const word of tokenize(text)) {
    const term = process(word);
    if (term) terms.add(term);
  }
  return [...terms];
}

/** The processed terms of a text in order, repeats kept (compound words as the compound only). */
export function termSequence(text: string): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    const term = processTerm(word);
    if (term) out.push(term);
  }
  return out;
}

/** Characters tokenized at a time by `leadingTermSequence`. */
const LEADING_PIECE = 16_384;

/**
 * The first `max` terms of `text` (the same as `termSequence(text).slice(0, max)`), reading only
 * as much of the text as they need: pieces end at whitespace, so no word is cut in two.
 */
export function leadingTermSequence(text: string, max: number): string[] {
  const out: string[] = [];
  const space = /\s/g;
  let from = 0;
  while (out.length < max && from < text.length) {
    space.lastIndex = Math.min(text.length, from + LEADING_PIECE);
    const to = space.lastIndex >= text.length ? text.length : (space.exec(text)?.index ?? text.length);
    for (const term of termSequence(text.slice(from, to))) {
      out.push(term);
      if (out.length >= max) break;
    }
    from = to;
  }
  return out;
}

/** Words every Docker note uses; a near miss of them ("docker" ~ "docker0") is no evidence. */
const EXACT_ONLY = new Set([
  'docker',
  'container',
  'image',
  'volume',
  'network',
  'mount',
  'file',
  'run',
  'build',
  'data',
]);

/** Fuzzy distance by word length: none for short or core words, 1 edit from 4 letters, 2 from 8. */
export function fuzzyFor(term: string): number | false {
  if (term.length < 4 || EXACT_ONLY.has(term)) return false;
  return term.length < 8 ? 1 : 2;
}
