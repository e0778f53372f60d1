/** A piece of a search snippet; `match` pieces are highlighted. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const SNIPPET_RADIUS = 70;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface SnippetPatterns {
  /** Every highlight: the phrase, then each term as a word prefix (global). */
  pattern: RegExp;
  phrase: RegExp | null;
}

function snippetPatterns(terms: string[], phrase: string): SnippetPatterns | null {
  const phrasePattern =
    phrase.trim().length > 2 ? escapeRegExp(phrase.trim()).replace(/\\?[-\s]+/g, '[-\\s]+') : '';
  if (!terms.length && !phrasePattern) return null;
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) =>
      term.length >= 3
        ? `${escapeRegExp(term)}[\\p{L}\\p{N}]*`
        : `${escapeRegExp(term)}(?![\\p{L}\\p{N}])`,
    );
  const source = `(?<![\\p{L}\\p{N}])(?:${[phrasePattern, ...alternatives].filter(Boolean).join('|')})`;
  return {
    pattern: new RegExp(source, 'giu'),
    phrase: phrasePattern ? new RegExp(phrasePattern, 'iu') : null,
  };
}

/** Where the snippet centres: the phrase if it occurs, else the first highlighted word, else the start. */
function firstMatchAt(text: string, patterns: SnippetPatterns): number {
  const phraseAt = patterns.phrase ? text.search(patterns.phrase) : -1;
  if (phraseAt >= 0) return phraseAt;
  patterns.pattern.lastIndex = 0;
  const at = patterns.pattern.exec(text)?.index ?? 0;
  patterns.pattern.lastIndex = 0;
  return at;
}

/**
 * A snippet of a note's markdown as readable text (`snippetText`); long notes have only the
 * lines around the best match cleaned, so a search stays fast on big notes.
 */
export function readableSnippet(markdown: string, terms: string[], phrase = ''): SnippetPart[] {
  const patterns = snippetPatterns(terms, phrase);
  if (markdown.length <= 1200 || !patterns)
    return buildSnippet(snippetText(markdown.slice(0, 1200)), terms, phrase);
  const at = firstMatchAt(markdown, patterns);
  // Whole lines around the match (line-start syntax needs them), unless a line is very long.
  const lineStart = at > 300 ? markdown.lastIndexOf('\n', at - 300) + 1 : 0;
  const from = at - lineStart > 2000 ? at - 300 : lineStart;
  const lineEnd = markdown.indexOf('\n', at + 500);
  const to = lineEnd < 0 || lineEnd - at > 2000 ? Math.min(markdown.length, at + 500) : lineEnd;
  const parts = buildSnippet(snippetText(markdown.slice(from, to)), terms, phrase);
  if (from > 0 && parts[0]?.text !== '…') parts.unshift({ text: '…', match: false });
  if (to < markdown.length && parts[parts.length - 1]?.text !== '…')
    parts.push({ text: '…', match: false });
  return parts;
}

/**
 * Builds a snippet around the best place in `text`: the whole query as a phrase if it occurs,
 * else the first term match; marks the phrase and every word starting with a term.
 */
export function buildSnippet(text: string, terms: string[], phrase = ''): SnippetPart[] {
  const patterns = snippetPatterns(terms, phrase);
  if (!patterns) return [{ text: text.slice(0, SNIPPET_RADIUS * 2), match: false }];
  const { pattern } = patterns;
  const first = firstMatchAt(text, patterns);
  let start = Math.max(0, first - SNIPPET_RADIUS);
  let end = Math.min(text.length, first + SNIPPET_RADIUS * 2);
  const spaceBefore = text.lastIndexOf(' ', start);
  if (start > 0 && spaceBefore > start - 20) start = spaceBefore + 1;
  const spaceAfter = text.indexOf(' ', end);
  if (spaceAfter > 0 && spaceAfter < end + 20) end = spaceAfter;
  const window = text.slice(start, end).replace(/\s+/g, ' ');
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', match: false });
  let last = 0;
  for (const match of window.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: window.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < window.length) parts.push({ text: window.slice(last), match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}

/**
 * Markdown reduced to the text a reader sees, for search snippets and backlink contexts:
 * no table pipes or separator rows, no emphasis marks, no code ticks, no callout markers,
 * no footnote references or block ids, no HTML tags.
 */
export function snippetText(markdown: string): string {
  let text = markdown;
  // Links and embeds keep their visible text.
  text = text.replace(
    /!?\[\[([^[\]|\n]*?)(?:\s*\|\s*([^\]\n]*))?\]\]/g,
    (_m, target: string, alias?: string) => alias ?? target.replace(/#\^?/g, ' › '),
  );
  text = text.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
  // Table separator rows vanish; cell pipes become wide gaps.
  text = text.replace(
    /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$/gm,
    '',
  );
  text = text.replace(/^[ \t]*\|[ \t]*/gm, '').replace(/[ \t]*\|[ \t]*$/gm, '');
  text = text.replace(/(?<!\\)[ \t]*\|[ \t]*/g, ' · ');
  text = text.replace(/\\\|/g, '|');
  // Block structure: quotes, callout markers, list bullets, task boxes, headings.
  text = text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '');
  text = text.replace(/^\[![\w-]+\][+-]?[ \t]*/gm, '');
  text = text.replace(/^[ \t]*(?:#{1,6}|[-*+]|\d+[.)])(?:[ \t]+\[[ xX/-]\])?[ \t]+/gm, '');
  text = text.replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '');
  // Inline marks.
  text = text.replace(/<[^>\n]+>/g, ' ');
  text = text.replace(/\[\^[^\]\n]+\]/g, '');
  text = text.replace(/(?:^|[ \t])\^[A-Za-z0-9-]+[ \t]*$/gm, '');
  text = text.replace(/(\*\*|__|==|~~|`+)/g, '');
  text = text.replace(/(^|[^\p{L}\p{N}*])[*_](?=\S)([^*_\n]*?\S)[*_](?![\p{L}\p{N}])/gu, '$1$2');
  text = text.replace(/%%[^%]*%%/g, '');
  return text.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n');
}
