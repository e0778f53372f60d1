import MiniSearch, { type SearchResult } from 'minisearch';
import type { Demo } from '../demos/demo-schema';
import { editDistance } from './edit-distance';
import { runSteps, type Steps } from './sliced-steps';
import {
  fuzzyFor,
  headingTerms,
  leadingTermSequence,
  processTerm,
  termSequence,
  tokenize,
} from './text-terms';

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

interface PhraseDoc {
  id: number;
  text: string;
  demo: string;
  /** Keyword, heading or title (names the topic); claims only support. */
  topic: boolean;
  terms: string[];
  /** The phrase's words in order, for finding it in running text. */
  sequence: string[];
}

const BOOST = { headings: 3, keywords: 3, title: 2, claims: 1, summary: 0.4 };
const HEADING_MEMO = 5000;
/** Below this confidence a section gets nothing. */
export const SUGGESTION_THRESHOLD = 0.35;

/**
 * Ranks catalogue demos for note sections with two MiniSearch indexes: one document per demo
 * (keywords, headings, claims, title, summary as boosted fields; BM25 orders the candidates) and
 * one per demo phrase, which tells whether a section names a phrase completely ("tmpfs mount",
 * "anonymous volume") and so decides the confidence, the threshold and the words of `why`.
 */
export class DemoMatcher {
  private readonly demoIndex = new MiniSearch<DemoDoc>({
    tokenize,
    processTerm,
    fields: ['title', 'keywords', 'headings', 'claims', 'summary'],
  });
  private readonly phraseIndex = new MiniSearch<PhraseDoc>({
    tokenize,
    processTerm,
    fields: ['text'],
    storeFields: [],
  });
  private readonly byId = new Map<string, Demo>();
  private readonly phrases: PhraseDoc[] = [];
  /** How specific a term is: 1 when one demo uses it, less the more demos share it. */
  private readonly specificity = new Map<string, number>();
  private readonly headingMemo = new Map<string, Map<string, PhraseDoc[]>>();

  constructor(demos: readonly Demo[] = []) {
    runSteps(this.adding(demos));
  }

  /** A matcher over these demos, built a demo per step (for a caller that runs steps in slices). */
  static *building(demos: readonly Demo[]): Steps<DemoMatcher> {
    const matcher = new DemoMatcher();
    yield* matcher.adding(demos);
    return matcher;
  }

  private *adding(demos: readonly Demo[]): Steps<void> {
    const demosOfTerm = new Map<string, Set<string>>();
    for (const demo of demos) {
      this.byId.set(demo.id, demo);
      this.demoIndex.add({
        id: demo.id,
        title: demo.title,
        keywords: (demo.keywords ?? []).join(' ; '),
        headings: [demo.heading ?? '', ...(demo.headings ?? [])].join(' ; '),
        claims: (demo.claims ?? []).join(' ; '),
        summary: demo.summary,
      });
      const topic = [...(demo.keywords ?? []), ...(demo.headings ?? []), demo.title];
      const add = (text: string, isTopic: boolean) => {
        const sequence = termSequence(text);
        const terms = [...new Set(sequence)];
        if (!terms.length) return;
        const phrase = {
          id: this.phrases.length,
          text,
          demo: demo.id,
          topic: isTopic,
          terms,
          sequence,
        };
        this.phrases.push(phrase);
        this.phraseIndex.add(phrase);
        for (const term of terms)
          demosOfTerm.set(term, (demosOfTerm.get(term) ?? new Set()).add(demo.id));
      };
      for (const text of topic) add(text, true);
      for (const text of demo.claims ?? []) add(text, false);
      yield;
    }
    for (const [term, owners] of demosOfTerm)
      this.specificity.set(term, 1 / Math.sqrt(owners.size));
  }

  /** Demos for a heading and the text under it, best first, at most `limit`. */
  matchSection(heading: string, body: string, limit = 3, dockerContext = true): DemoMatch[] {
    const headingWords = headingTerms(heading);
    const bodySequence = leadingTermSequence(body, 4000);
    const bodyTerms = [...new Set(bodySequence)].slice(0, 400);
    const inHeading = this.headingPhrases(headingWords);
    const headingSet = new Set(headingWords);
    const inBody = this.phrasesInText(bodySequence);
    const candidates = new Set([...inHeading.keys(), ...inBody.keys()]);
    if (!candidates.size) return [];
    const rank = this.bm25(headingWords, bodyTerms);
    const best = Math.max(...[...candidates].map((id) => rank.get(id) ?? 0), 1e-9);
    const matches: DemoMatch[] = [];
    for (const id of candidates) {
      const demo = this.byId.get(id);
      if (!demo) continue;
      const headTopic = (inHeading.get(id) ?? []).filter((phrase) => phrase.topic);
      const text = inBody.get(id) ?? [];
      const bodyTerms = new Set(
        text.filter((phrase) => phrase.topic).flatMap((phrase) => phrase.terms),
      );
      const bodyStrength = 1 - Math.exp(-this.specSum(bodyTerms) / 2);
      const strong = [...bodyTerms].filter((term) => (this.specificity.get(term) ?? 0) >= 0.5);
      let confidence = 0;
      // Outside a Docker note, a one-word heading ("Tags", "Layers", "Signals") needs the text to agree.
      const support = strong.some((term) => !headingSet.has(term));
      const trusted = headTopic.filter(
        (phrase) => dockerContext || phrase.terms.length > 1 || support,
      );
      if (trusted.some((phrase) => this.weight(phrase) >= 0.4)) {
        confidence =
          0.55 +
          0.3 * Math.max(...headTopic.map((phrase) => this.weight(phrase))) +
          0.15 * bodyStrength;
      } else if (headTopic.length) {
        // A broad heading ("Volumes"): the text must say which kind.
        if (support) confidence = 0.35 + 0.5 * bodyStrength;
      } else {
        // Without the heading, the text must name the topic in two phrases with two specific words.
        const phrases = new Set(
          text.filter((phrase) => phrase.topic).map((phrase) => phrase.terms.join(' ')),
        );
        if (strong.length >= 2 && phrases.size >= 2)
          confidence = 0.6 * (1 - Math.exp(-this.specSum(strong) / 1.5));
      }
      if (confidence < SUGGESTION_THRESHOLD) continue;
      const score = 0.8 * confidence + 0.2 * ((rank.get(id) ?? 0) / best);
      matches.push({
        demo,
        score: Math.round(Math.min(1, score) * 100) / 100,
        matched: this.why(headTopic, text),
      });
    }
    return matches
      .sort((a, b) => b.score - a.score || a.demo.id.localeCompare(b.demo.id))
      .slice(0, limit);
  }

  private specSum(terms: Iterable<string>): number {
    let total = 0;
    for (const term of terms) total += this.specificity.get(term) ?? 0;
    return total;
  }

  /** Up to three matched phrases, heading ones first, one per set of words ("tmpfs mount", not also "tmpfs mounts"). */
  private why(heading: PhraseDoc[], body: PhraseDoc[]): string[] {
    const ordered = [
      ...heading,
      ...[...body].sort(
        (a, b) => Number(b.topic) - Number(a.topic) || this.weight(b) - this.weight(a),
      ),
    ];
    const seen: string[] = [];
    const out: string[] = [];
    for (const phrase of ordered) {
      // One entry per wording: "anonymus volume" adds nothing after "anonymous volume".
      const key = phrase.sequence.join('');
      if (
        seen.some(
          (other) =>
            editDistance(other, key) <=
            Math.max(0, Math.floor(Math.min(other.length, key.length) / 5)),
        )
      )
        continue;
      seen.push(key);
      out.push(phrase.text);
      if (out.length === 3) break;
    }
    return out;
  }

  /** How much naming this phrase says: its most specific word, more for longer phrases. */
  private weight(phrase: PhraseDoc): number {
    const top = Math.max(...phrase.terms.map((term) => this.specificity.get(term) ?? 0));
    return Math.min(1, top * (phrase.terms.length > 1 ? 1.2 : 1));
  }

  /** `completePhrases` for a heading, remembered: students reuse headings across notes. */
  private headingPhrases(terms: string[]): Map<string, PhraseDoc[]> {
    const key = terms.join(' ');
    const known = this.headingMemo.get(key);
    if (known) return known;
    const found = this.completePhrases(terms);
    if (this.headingMemo.size >= HEADING_MEMO)
      this.headingMemo.delete(this.headingMemo.keys().next().value as string);
    this.headingMemo.set(key, found);
    return found;
  }

  /** Phrases written out word for word in running text, by demo. */
  private phrasesInText(sequence: string[]): Map<string, PhraseDoc[]> {
    const positions = new Map<string, number[]>();
    sequence.forEach((term, at) => {
      const list = positions.get(term);
      if (list) list.push(at);
      else positions.set(term, [at]);
    });
    const byDemo = new Map<string, PhraseDoc[]>();
    for (const phrase of this.phrases) {
      const starts = positions.get(phrase.sequence[0] ?? '');
      if (
        !starts?.some((start) =>
          phrase.sequence.every((term, offset) => sequence[start + offset] === term),
        )
      )
        continue;
      const list = byDemo.get(phrase.demo);
      if (list) list.push(phrase);
      else byDemo.set(phrase.demo, [phrase]);
    }
    return byDemo;
  }

  /** Phrases whose every word a heading contains (misspelled within the fuzzy distance), by demo. */
  private completePhrases(terms: string[]): Map<string, PhraseDoc[]> {
    const byDemo = new Map<string, PhraseDoc[]>();
    if (!terms.length) return byDemo;
    const results = this.phraseIndex.search(terms.join(' '), {
      combineWith: 'OR',
      fuzzy: fuzzyFor,
    });
    for (const result of results) {
      const phrase = this.phrases[result.id as number];
      if (!phrase || !isComplete(phrase, result)) continue;
      const list = byDemo.get(phrase.demo);
      if (list) list.push(phrase);
      else byDemo.set(phrase.demo, [phrase]);
    }
    return byDemo;
  }

  /** BM25 over the demo documents: the heading boosted three times over the section's text. */
  private bm25(headingTerms: string[], bodyTerms: string[]): Map<string, number> {
    const scores = new Map<string, number>();
    const run = (terms: string[], factor: number, fuzzy: (term: string) => number | false) => {
      if (!terms.length) return;
      for (const result of this.demoIndex.search(terms.join(' '), {
        boost: BOOST,
        combineWith: 'OR',
        fuzzy,
      })) {
        scores.set(String(result.id), (scores.get(String(result.id)) ?? 0) + factor * result.score);
      }
    };
    run(headingTerms, 3, () => false);
    run(bodyTerms, 1, () => false);
    return scores;
  }
}

function isComplete(phrase: PhraseDoc, result: SearchResult): boolean {
  const matched = new Set(result.terms);
  return phrase.terms.every((term) => matched.has(term));
}
