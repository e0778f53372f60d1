import MiniSearch, { type SearchResult } from 'minisearch';
import type { Demo } from '../demos/demo-schema';
import { processTerm, termsOf, tokenize } from './text-terms';

/** A demo that fits a piece of text, with a 0..1 score and the phrases that made it fit. */
export interface DemoMatch {
  demo: Demo;
  score: number;
  /** Demo phrases (keywords, headings, claims) the text matched, best first. */
  matched: string[];
}

interface DemoDoc {
  id: string;
  title: string;
  keywords: string;
  headings: string;
  claims: string;
  summary: string;
}

/** Fields that name the topic; a match in them is real evidence (claims and summary only support). */
const TOPIC_FIELDS = new Set(['keywords', 'headings', 'title']);
const BOOST = { headings: 3, keywords: 3, title: 2, claims: 1, summary: 0.4 };

/** Heading scores saturate around this raw MiniSearch score; body scores around `BODY_SCALE`. */
const HEADING_SCALE = 6;
const BODY_SCALE = 14;
/** Below this a section gets nothing. */
export const SUGGESTION_THRESHOLD = 0.3;

/** Fuzzy distance by word length: none for short words, 1 edit from 4 letters, 2 from 8. */
function fuzzyFor(term: string): number | false {
  if (term.length < 4) return false;
  return term.length < 8 ? 1 : 2;
}

/** Index of the catalogue's demos (MiniSearch, BM25+) queried with note sections. */
export class DemoMatcher {
  private readonly search: MiniSearch<DemoDoc>;
  private readonly byId: Map<string, Demo>;
  /** Per demo: its phrases and the terms of each. */
  private readonly phrases = new Map<
    string,
    { phrase: string; terms: Set<string>; topic: boolean }[]
  >();

  constructor(demos: readonly Demo[]) {
    this.byId = new Map(demos.map((demo) => [demo.id, demo]));
    this.search = new MiniSearch<DemoDoc>({
      fields: ['title', 'keywords', 'headings', 'claims', 'summary'],
      tokenize,
      processTerm,
    });
    this.search.addAll(
      demos.map((demo) => ({
        id: demo.id,
        title: demo.title,
        keywords: (demo.keywords ?? []).join(' ; '),
        headings: [demo.heading ?? '', ...(demo.headings ?? [])].join(' ; '),
        claims: (demo.claims ?? []).join(' ; '),
        summary: demo.summary,
      })),
    );
    for (const demo of demos) {
      const topic = [...(demo.keywords ?? []), ...(demo.headings ?? [])].map((phrase) => ({
        phrase,
        terms: new Set(termsOf(phrase)),
        topic: true,
      }));
      const support = (demo.claims ?? []).map((phrase) => ({
        phrase,
        terms: new Set(termsOf(phrase)),
        topic: false,
      }));
      this.phrases.set(demo.id, [...topic, ...support]);
    }
  }

  /**
   * Demos for a heading and the text under it, best first. The heading weighs most; text alone
   * must name the topic with two or more distinct topic words to count.
   */
  matchSection(heading: string, body: string, limit = 3): DemoMatch[] {
    const headingHits = this.query(termsOf(heading), true);
    const bodyTerms = termsOf(body).slice(0, 400);
    const bodyHits = bodyTerms.length
      ? this.query(bodyTerms, false)
      : new Map<string, SearchResult>();
    const ids = new Set([...headingHits.keys(), ...bodyHits.keys()]);
    const matches: DemoMatch[] = [];
    for (const id of ids) {
      const demo = this.byId.get(id);
      if (!demo) continue;
      const inHeading = headingHits.get(id);
      const inBody = bodyHits.get(id);
      const headingTopic = inHeading ? topicTerms(inHeading) : [];
      const bodyTopic = inBody ? topicTerms(inBody) : [];
      const h = headingTopic.length ? 1 - Math.exp(-(inHeading?.score ?? 0) / HEADING_SCALE) : 0;
      const b = 1 - Math.exp(-(inBody?.score ?? 0) / BODY_SCALE);
      if (!headingTopic.length && bodyTopic.length < 2) continue;
      const score = h > 0 ? 0.7 * h + 0.3 * b : 0.75 * b;
      if (score < SUGGESTION_THRESHOLD) continue;
      const matchedTerms = new Set([
        ...headingTopic,
        ...bodyTopic,
        ...(inBody ? Object.keys(inBody.match) : []),
      ]);
      matches.push({
        demo,
        score: Math.round(score * 100) / 100,
        matched: this.phrasesFor(id, matchedTerms),
      });
    }
    return matches
      .sort((a, b) => b.score - a.score || a.demo.id.localeCompare(b.demo.id))
      .slice(0, limit);
  }

  private query(terms: string[], heading: boolean): Map<string, SearchResult> {
    const hits = new Map<string, SearchResult>();
    if (!terms.length) return hits;
    const results = this.search.search(terms.join(' '), {
      boost: BOOST,
      combineWith: 'OR',
      fuzzy: (term) => fuzzyFor(term),
      prefix: (term) => heading && term.length >= 5,
    });
    for (const result of results) hits.set(String(result.id), result);
    return hits;
  }

  private phrasesFor(id: string, matched: Set<string>): string[] {
    const phrases = this.phrases.get(id) ?? [];
    const scored = phrases
      .map((entry) => ({
        entry,
        hits: [...entry.terms].filter((term) => matched.has(term)).length,
      }))
      .filter((item) => item.hits > 0)
      .sort(
        (a, b) =>
          Number(b.entry.topic) - Number(a.entry.topic) ||
          b.hits / b.entry.terms.size - a.hits / a.entry.terms.size ||
          b.hits - a.hits,
      );
    const out: string[] = [];
    const covered = new Set<string>();
    for (const { entry } of scored) {
      if ([...entry.terms].every((term) => covered.has(term) || !matched.has(term))) continue;
      for (const term of entry.terms) covered.add(term);
      out.push(entry.phrase);
      if (out.length === 3) break;
    }
    return out;
  }
}

/** Indexed terms a result matched in topic fields (keywords, headings, title). */
function topicTerms(result: SearchResult): string[] {
  return Object.entries(result.match)
    .filter(([, fields]) => fields.some((field) => TOPIC_FIELDS.has(field)))
    .map(([term]) => term);
}
