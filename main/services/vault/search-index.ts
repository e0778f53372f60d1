import MiniSearch from 'minisearch';

/** A piece of a search snippet; `match` pieces are highlighted. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** One ranked search hit. */
export interface SearchHit {
  path: string;
  name: string;
  score: number;
  snippet: SnippetPart[];
}

/** The searchable form of a note. */
export interface SearchDocument {
  path: string;
  name: string;
  aliases: string[];
  headings: string[];
  tags: string[];
  text: string;
}

interface StoredDocument {
  id: string;
  name: string;
  aliases: string;
  headings: string;
  tags: string;
  text: string;
}

/** Search text beyond this many characters per note is not indexed. */
const INDEXED_TEXT_LIMIT = 200_000;
const SNIPPET_RADIUS = 70;

function tokenizeQuery(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((term) => term.length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Builds a snippet around the best place in `text`: the whole query as a phrase if it occurs,
 * else the first term match; marks the phrase and every word starting with a term.
 */
export function buildSnippet(text: string, terms: string[], phrase = ''): SnippetPart[] {
  if (!terms.length) return [{ text: text.slice(0, SNIPPET_RADIUS * 2), match: false }];
  const alternatives = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => (term.length >= 3 ? `${escapeRegExp(term)}[\\p{L}\\p{N}]*` : `${escapeRegExp(term)}(?![\\p{L}\\p{N}])`));
  const phrasePattern = phrase.trim().length > 2 ? escapeRegExp(phrase.trim()).replace(/\\?[-\s]+/g, '[-\\s]+') : '';
  const source = `(?<![\\p{L}\\p{N}])(?:${phrasePattern ? `${phrasePattern}|` : ''}${alternatives.join('|')})`;
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

/** Full-text search over notes (names, aliases, headings, tags, text), ranked by MiniSearch (BM25). */
export class SearchIndex {
  private readonly mini = new MiniSearch<StoredDocument>({
    fields: ['name', 'aliases', 'headings', 'tags', 'text'],
    storeFields: [],
    searchOptions: { boost: { name: 5, aliases: 4, headings: 2, tags: 2 } },
  });
  private readonly texts = new Map<string, { name: string; text: string }>();

  /** Adds or replaces a note. */
  upsert(doc: SearchDocument): void {
    if (this.mini.has(doc.path)) this.mini.discard(doc.path);
    const text = doc.text.length > INDEXED_TEXT_LIMIT ? doc.text.slice(0, INDEXED_TEXT_LIMIT) : doc.text;
    this.mini.add({ id: doc.path, name: doc.name, aliases: doc.aliases.join(' '), headings: doc.headings.join(' '), tags: doc.tags.join(' '), text });
    this.texts.set(doc.path, { name: doc.name, text });
  }

  /** Adds many notes at once (faster than one by one). */
  addAll(docs: SearchDocument[]): void {
    for (const doc of docs) this.upsert(doc);
  }

  remove(path: string): void {
    if (this.mini.has(path)) this.mini.discard(path);
    this.texts.delete(path);
  }

  clear(): void {
    this.mini.removeAll();
    this.texts.clear();
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** Ranked hits with highlighted snippets; every word must match (the last as a prefix). */
  search(query: string, limit = 50): SearchHit[] {
    const terms = tokenizeQuery(query);
    if (!terms.length) return [];
    const results = this.mini.search(terms.join(' '), {
      combineWith: 'AND',
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 5 ? 0.15 : false),
    });
    return results.slice(0, limit).map((result) => {
      const stored = this.texts.get(String(result.id));
      return {
        path: String(result.id),
        name: stored?.name ?? String(result.id),
        score: result.score,
        snippet: buildSnippet(stored?.text ?? '', terms, query),
      };
    });
  }
}
