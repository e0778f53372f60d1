/** A piece of a search snippet; `match` pieces are highlighted. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const SNIPPET_RADIUS = 70;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a snippet around the best place in `text`: the whole query as a phrase if it occurs,
 * else the first term match; marks the phrase and every word starting with a term.
 */
export function buildSnippet(text: string, terms: string[], phrase = ''): SnippetPart[] {
  const phrasePattern =
    phrase.trim().length > 2 ? escapeRegExp(phrase.trim()).replace(/\\?[-\s]+/g, '[-\\s]+') : '';
  if (!terms.length && !phrasePattern)
    return [{ text: text.slice(0, SNIPPET_RADIUS * 2), match: false }];
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) =>
      term.length >= 3
        ? `${escapeRegExp(term)}[\\p{L}\\p{N}]*`
        : `${escapeRegExp(term)}(?![\\p{L}\\p{N}])`,
    );
  const source = `(?<![\\p{L}\\p{N}])(?:${[phrasePattern, ...alternatives].filter(Boolean).join('|')})`;
  const pattern = new RegExp(source, 'giu');
  const phraseAt = phrasePattern ? text.search(new RegExp(phrasePattern, 'iu')) : -1;
  const first = phraseAt >= 0 ? phraseAt : (pattern.exec(text)?.index ?? 0);
  pattern.lastIndex = 0;
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
