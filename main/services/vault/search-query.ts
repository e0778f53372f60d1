/** A search box query split into what each part asks for. */
export interface ParsedSearchQuery {
  /** Loose words: each must match (as a word prefix, or within one typo). */
  words: string[];
  /** Quoted phrases, lower-cased with single spaces: each must occur as written. */
  phrases: string[];
  /** `tag:` filters without `#`, lower-cased: the note must carry the tag or one nested below it. */
  tags: string[];
}

const WORD_SEPARATORS = /[^\p{L}\p{N}_]+/u;
const TOKEN = /(?:tag:\s*("[^"]*"|\S+))|"([^"]*)"?|(\S+)/giu;

/** Splits text into lower-case words the way the index does. */
export function queryWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0);
}

/** Lower-cases a phrase and folds runs of white space into one space. */
export function normalizePhrase(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Parses a search box query: `"quoted phrases"` (an unclosed quote runs to the end),
 * `tag:#docker/storage` or `tag:docker` filters, and loose words. `#tag` on its own is a tag too,
 * as in Obsidian's tag search.
 */
export function parseSearchQuery(query: string): ParsedSearchQuery {
  const words: string[] = [];
  const phrases: string[] = [];
  const tags: string[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const [, tag, phrase, loose] = match;
    if (tag !== undefined) {
      const clean = tag
        .replace(/^"|"$/g, '')
        .trim()
        .replace(/^#/, '')
        .replace(/\/+$/, '')
        .toLowerCase();
      if (clean) tags.push(clean);
    } else if (phrase !== undefined) {
      const clean = normalizePhrase(phrase);
      if (queryWords(clean).length > 1) phrases.push(clean);
      else words.push(...queryWords(clean));
    } else if (loose !== undefined) {
      if (/^#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*$/u.test(loose))
        tags.push(loose.slice(1).replace(/\/+$/, '').toLowerCase());
      else words.push(...queryWords(loose));
    }
  }
  return { words: [...new Set(words)], phrases: [...new Set(phrases)], tags: [...new Set(tags)] };
}

/** True when a note's tags include `wanted` or a tag nested below it (`docker` matches `docker/storage`). */
export function hasTag(noteTags: string[], wanted: string): boolean {
  return noteTags.some((tag) => {
    const lower = tag.toLowerCase();
    return lower === wanted || lower.startsWith(`${wanted}/`);
  });
}
