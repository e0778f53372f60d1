import { hasTag, parseSearchQuery, queryWords } from './search-query';
import { readableSnippet, type SnippetPart } from './snippet-text';
import { FIELD_WEIGHTS, indexedText, wordsOf, type DocumentTerms } from './search-terms';

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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const K1 = 1.2;
const B = 0.75;
const MAX_EXPANSIONS = 60;

interface IndexedDoc {
  path: string;
  name: string;
  text: string;
  length: number;
  alive: boolean;
  source: SearchDocument;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Full-text search over notes: an inverted index with field weights (name, aliases, headings,
 * tags, text) and BM25 ranking; every query word must match (as a word prefix, or within one
 * typo for longer words). Built for thousands of notes: adding is a few map updates per word.
 */
export class SearchIndex {
  private docs: IndexedDoc[] = [];
  private readonly idOf = new Map<string, number>();
  private postings = new Map<string, number[]>();
  private sortedTerms: string[] | null = null;
  private totalLength = 0;
  private liveCount = 0;
  private deadCount = 0;

  /** Adds or replaces a note. */
  upsert(doc: SearchDocument): void {
    this.remove(doc.path);
    const text = indexedText(doc);
    const id = this.docs.length;
    let length = this.addTerms(id, doc.name, FIELD_WEIGHTS.name);
    length += this.addTerms(id, doc.aliases.join(' '), FIELD_WEIGHTS.aliases);
    length += this.addTerms(id, doc.headings.join(' '), FIELD_WEIGHTS.headings);
    length += this.addTerms(id, doc.tags.join(' ').replace(/\//g, ' '), FIELD_WEIGHTS.tags);
    length += this.addTerms(id, text, FIELD_WEIGHTS.text);
    this.register(doc, text, length);
  }

  /** Records document `this.docs.length`, whose postings were just added. */
  private register(doc: SearchDocument, text: string, length: number): void {
    this.idOf.set(doc.path, this.docs.length);
    this.docs.push({ path: doc.path, name: doc.name, text, length, alive: true, source: doc });
    this.totalLength += length;
    this.liveCount++;
  }

  /**
   * Adds `weight` per occurrence of each word of `value` to document `id`'s postings; returns
   * the number of words. Postings are `[id, weight, id, weight, ...]` in id order, and `id` is
   * the newest document, so its entry (if any) is the last pair of the list.
   */
  private addTerms(id: number, value: string, weight: number): number {
    if (value === '') return 0;
    let count = 0;
    for (const term of wordsOf(value)) {
      if (term === '') continue;
      count++;
      const list = this.postings.get(term);
      if (!list) {
        this.postings.set(term, [id, weight]);
        this.sortedTerms = null;
      } else if (list[list.length - 2] === id) {
        list[list.length - 1] = (list[list.length - 1] ?? 0) + weight;
      } else {
        list.push(id, weight);
      }
    }
    return count;
  }

  /**
   * Adds or replaces a note whose words were counted beforehand (`documentTermsInSlices`, for
   * long notes): the same postings as `upsert`, one entry per distinct word.
   */
  add(doc: SearchDocument, terms: DocumentTerms): void {
    this.remove(doc.path);
    const id = this.docs.length;
    for (const [term, weight] of terms.weights) {
      const list = this.postings.get(term);
      if (list) list.push(id, weight);
      else {
        this.postings.set(term, [id, weight]);
        this.sortedTerms = null;
      }
    }
    this.register(doc, indexedText(doc), terms.length);
  }

  addAll(docs: SearchDocument[]): void {
    for (const doc of docs) this.upsert(doc);
  }

  remove(path: string): void {
    const id = this.idOf.get(path);
    if (id === undefined) return;
    const doc = this.docs[id];
    if (doc?.alive) {
      doc.alive = false;
      this.totalLength -= doc.length;
      this.liveCount--;
      this.deadCount++;
    }
    this.idOf.delete(path);
    if (this.deadCount > 500 && this.deadCount > this.liveCount / 4) this.compact();
  }

  private compact(): void {
    const live = this.docs.filter((doc) => doc.alive).map((doc) => doc.source);
    this.clear();
    this.addAll(live);
  }

  clear(): void {
    this.docs = [];
    this.idOf.clear();
    this.postings = new Map();
    this.sortedTerms = null;
    this.totalLength = 0;
    this.liveCount = 0;
    this.deadCount = 0;
  }

  get size(): number {
    return this.liveCount;
  }

  private terms(): string[] {
    this.sortedTerms ??= [...this.postings.keys()].sort();
    return this.sortedTerms;
  }

  /** Index terms a query word stands for, with how much a match counts. */
  private expand(word: string): [string, number][] {
    const found: [string, number][] = [];
    if (this.postings.has(word)) found.push([word, 1]);
    if (word.length >= 2) {
      const terms = this.terms();
      let low = 0;
      let high = terms.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((terms[mid] ?? '') < word) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < terms.length && found.length < MAX_EXPANSIONS; i++) {
        const term = terms[i] ?? '';
        if (!term.startsWith(word)) break;
        if (term !== word) found.push([term, 0.7]);
      }
    }
    if (!found.length && word.length >= 5) {
      for (const term of this.terms()) {
        if (term[0] === word[0] && withinOneEdit(term, word)) found.push([term, 0.5]);
        if (found.length >= MAX_EXPANSIONS) break;
      }
    }
    return found;
  }

  /** Scores of the live documents matching every word (a prefix, or one typo); null when no word was given. */
  private scoreWords(words: string[]): Map<number, number> | null {
    if (!words.length) return null;
    const averageLength = this.totalLength / this.liveCount;
    let scores: Map<number, number> | null = null;
    for (const word of words) {
      const wordScores = new Map<number, number>();
      for (const [term, factor] of this.expand(word)) {
        const list = this.postings.get(term) ?? [];
        const documentFrequency = list.length / 2;
        const idf = Math.log(1 + (this.liveCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
        for (let i = 0; i < list.length; i += 2) {
          const id = list[i] ?? 0;
          if (scores && !scores.has(id)) continue;
          const doc = this.docs[id];
          if (!doc?.alive) continue;
          const tf = list[i + 1] ?? 0;
          const score = factor * idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / averageLength)));
          wordScores.set(id, Math.max(wordScores.get(id) ?? 0, score) + (wordScores.has(id) ? score * 0.1 : 0));
        }
      }
      if (scores) {
        const previous: Map<number, number> = scores;
        for (const [id, score] of wordScores) wordScores.set(id, score + (previous.get(id) ?? 0));
      }
      scores = wordScores;
      if (!scores.size) return scores;
    }
    return scores;
  }

  /**
   * Ranked hits with highlighted snippets. Loose words must all match (as a prefix, or with one
   * typo); `"quoted phrases"` must occur as written; `tag:x` keeps notes tagged x or x/...
   */
  search(query: string, limit = 50): SearchHit[] {
    const parsed = parseSearchQuery(query);
    const phraseWords = parsed.phrases.flatMap(queryWords);
    const words = [...new Set([...parsed.words, ...phraseWords])];
    if ((!words.length && !parsed.tags.length) || !this.liveCount) return [];
    let scores = this.scoreWords(words);
    if (!scores) {
      scores = new Map();
      this.docs.forEach((doc, id) => doc.alive && scores?.set(id, 1));
    }
    const phrasePatterns = parsed.phrases.map(phraseRegExp);
    const loosePhrase = parsed.phrases.length ? '' : parsed.words.join(' ');
    const namePhrases = [...parsed.phrases, loosePhrase].filter((phrase) => phrase.length > 2);
    const ranked: { id: number; score: number }[] = [];
    for (const [id, score] of scores) {
      const doc = this.docs[id];
      if (!doc?.alive) continue;
      if (parsed.tags.some((tag) => !hasTag(doc.source.tags, tag))) continue;
      if (phrasePatterns.length) {
        const haystack = `${doc.name}\n${doc.source.aliases.join('\n')}\n${doc.source.headings.join('\n')}\n${doc.text}`;
        if (phrasePatterns.some((pattern) => !pattern.test(haystack))) continue;
      }
      const named = doc.name.toLowerCase();
      const bonus = namePhrases.some((phrase) => named.includes(phrase)) ? 10 : 0;
      ranked.push({ id, score: score + bonus });
    }
    ranked.sort((a, b) => b.score - a.score || a.id - b.id);
    const highlight = parsed.phrases[0] ?? (words.length ? query.replace(/tag:\s*\S+/gi, ' ').replace(/"/g, ' ').trim() : `#${parsed.tags[0] ?? ''}`);
    const terms = parsed.phrases.length ? parsed.words : words.length ? words : parsed.tags;
    return ranked.slice(0, limit).map(({ id, score }) => {
      const doc = this.docs[id];
      return {
        path: doc?.path ?? '',
        name: doc?.name ?? '',
        score: Math.round(score * 1000) / 1000,
        snippet: readableSnippet(doc?.text ?? '', terms, highlight),
      };
    });
  }
}

/** A phrase as a pattern: its words in order, separated by anything that is not a letter or digit. */
function phraseRegExp(phrase: string): RegExp {
  const words = queryWords(phrase).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('[^\\p{L}\\p{N}_]+')}`, 'iu');
}
