import MiniSearch from 'minisearch';
import type { ClaimFlag } from '../../contract/suggestions';
import type { Demo } from '../demos/demo-schema';
import type { ProseLine } from '../vault/note-outline';
import { runSteps, type Steps } from './sliced-steps';
import { processClaimTerm, termsOf, tokenize } from './text-terms';

interface Statement {
  id: number;
  text: string;
  terms: string[];
  negated: boolean;
  demo: Demo;
  claim: string;
  correction: string;
}

/** Prose lines looked at per note (a note longer than that is checked in its first part). */
const MAX_LINES = 5000;
/** Share of the sentence's words that must belong to the misconception. */
const SENTENCE_SHARE = 0.65;
const QUALIFIER_TERMS = new Set(['only', 'always', 'all', 'every', 'each', 'never']);

/** Share of a statement's (weighted) words a sentence must contain to be flagged. */
export const CLAIM_COVERAGE = 0.8;

/** Words that negate the verb: "not", "never", "unless", "n't" and the same in German, French, Spanish. */
const NEGATION = /\b(?:not|never|unless|nicht|kein\w*|nie|niemals|ne|pas|jamais|nunca)\b|n['’]t\b/i;
/** "no", "none", "without": negate the claim when they come early ("no volume is deleted"), not in a late clause ("once no container uses them"). */
const NEGATING_WORD = /\b(?:no|none|nothing|without|sin)\b/gi;

/** True when the sentence denies what it says rather than stating it. */
export function isNegated(sentence: string): boolean {
  if (NEGATION.test(sentence)) return true;
  const cutoff = sentence.length * 0.55;
  for (const match of sentence.matchAll(NEGATING_WORD))
    if ((match.index ?? 0) < cutoff) return true;
  return false;
}

/** Words that say the sentence reports the misconception in order to reject it. */
const DEBUNK =
  /\b(?:myths?|misconceptions?|wrong|false|incorrect|untrue|not true|mistake|falsch|irrtum|mythos|faux|fausse|erreur|falso|mito|common belief|people think|students think|many think|it is said)\b/i;
/** Callout types that already present their text as wrong. */
const DEBUNK_CALLOUT = /^(?:failure|fail|missing|error|bug)\b/;

/** Flags note sentences that state a misconception a demo corrects (fuzzy, negation-aware). */
export class ClaimChecker {
  private readonly index: MiniSearch<Statement>;
  private readonly statements: Statement[] = [];
  private readonly weightOf = new Map<string, number>();

  constructor(demos: readonly Demo[]) {
    const groupsOfTerm = new Map<string, Set<string>>();
    for (const demo of demos) {
      (demo.misconceptions ?? []).forEach((misconception, index) => {
        for (const text of [misconception.claim, ...(misconception.variants ?? [])]) {
          const terms = termsOf(text, processClaimTerm);
          if (!terms.length) continue;
          this.statements.push({
            id: this.statements.length,
            text,
            terms,
            negated: isNegated(text),
            demo,
            claim: misconception.claim,
            correction: misconception.correction,
          });
          for (const term of terms)
            groupsOfTerm.set(
              term,
              (groupsOfTerm.get(term) ?? new Set()).add(`${demo.id}#${index}`),
            );
        }
      });
    }
    // A word shared by many misconceptions ("docker", "container") counts for less than a rare one ("tmpfs").
    for (const [term, groups] of groupsOfTerm) this.weightOf.set(term, 1 / Math.sqrt(groups.size));
    this.index = new MiniSearch<Statement>({
      fields: ['text'],
      storeFields: [],
      tokenize,
      processTerm: processClaimTerm,
    });
    this.index.addAll(this.statements);
  }

  /** Flags for the prose lines of one note, in line order, at most one per line. */
  check(prose: readonly ProseLine[]): ClaimFlag[] {
    return runSteps(this.checkSteps(prose));
  }

  /** `check` as steps (one per prose line), for a caller that runs it in slices. */
  *checkSteps(prose: readonly ProseLine[]): Steps<ClaimFlag[]> {
    const flags: ClaimFlag[] = [];
    if (!this.statements.length) return flags;
    for (let at = 0; at < Math.min(prose.length, MAX_LINES); at++) {
      yield;
      const flag = this.flagOf(prose, at);
      if (flag) flags.push(flag);
    }
    return flags;
  }

  /** The flag for the prose line at `at`, if it states a misconception. */
  private flagOf(prose: readonly ProseLine[], at: number): ClaimFlag | null {
    const line = prose[at];
    if (!line) return null;
    if (
      line.tableRow ||
      (line.callout && (DEBUNK_CALLOUT.test(line.callout) || DEBUNK.test(line.callout)))
    )
      return null;
    const plain = plainLine(line.text);
    if (!plain || DEBUNK.test(plain)) return null;
    const next = prose[at + 1];
    const nextSaysWrong =
      next !== undefined &&
      next.line - line.line <= 1 &&
      DEBUNK.test(plainLine(next.text).slice(0, 80));
    if (nextSaysWrong) return null;
    for (const sentence of sentencesOf(plain)) {
      if (DENYING_TAIL.test(sentence)) continue;
      // A half-wrong sentence ("named volumes persist, but anonymous ones are removed with the
      // container") is judged clause by clause when the whole does not match.
      const candidates = [sentence, ...clausesOf(sentence)];
      let found: Statement | null = null;
      let text = sentence;
      for (const candidate of candidates) {
        found = this.match(candidate);
        if (found) {
          text = candidate;
          break;
        }
      }
      if (!found) continue;
      return {
        line: line.line,
        text,
        demo: found.demo.id,
        demoTitle: found.demo.title,
        claim: found.claim,
        correction: found.correction,
      };
    }
    return null;
  }

  /** The misconception a sentence states, when it covers enough of one and agrees on negation. */
  private match(sentence: string): Statement | null {
    // "as well" is "too", a stop word; its "well" would count as a word of the sentence.
    const terms = termsOf(sentence.replace(/\bas well\b/gi, ' '), processClaimTerm);
    if (terms.length < 2 || terms.length > 40) return null;
    // Cheap first look: a sentence that shares fewer than two exact words with any misconception is skipped.
    let shared = 0;
    for (const term of terms) if (this.weightOf.has(term) && ++shared === 2) break;
    if (shared < 2) return null;
    const negated = isNegated(sentence);
    let best: { statement: Statement; coverage: number } | null = null;
    const results = this.index.search(terms.join(' '), {
      combineWith: 'OR',
      fuzzy: (term) => (term.length >= 6 ? 2 : term.length >= 4 ? 1 : false),
    });
    for (const result of results.slice(0, 8)) {
      const statement = this.statements[result.id as number];
      if (!statement || statement.negated !== negated) continue;
      const matched = new Set(result.terms);
      const total = statement.terms.reduce((sum, term) => sum + (this.weightOf.get(term) ?? 1), 0);
      const hit = statement.terms.reduce(
        (sum, term) => sum + (matched.has(term) ? (this.weightOf.get(term) ?? 1) : 0),
        0,
      );
      const coverage = hit / total;
      const count = statement.terms.filter((term) => matched.has(term)).length;
      // Both ways: most of the misconception is in the sentence, and the sentence is mostly the
      // misconception (a long, nuanced sentence that uses the same words says something else).
      const enough =
        count >= Math.min(3, statement.terms.length) &&
        count / statement.terms.length >= 0.75 &&
        count / terms.length >= SENTENCE_SHARE;
      // "only", "always", "every" carry the claim: a sentence without them says something else.
      const qualified = statement.terms.every(
        (term) => !QUALIFIER_TERMS.has(term) || matched.has(term),
      );
      if (enough && qualified && coverage >= CLAIM_COVERAGE && (!best || coverage > best.coverage))
        best = { statement, coverage };
    }
    return best?.statement ?? null;
  }
}

/** A prose line as plain words: list markers, quote marks, emphasis, code ticks and links removed. */
function plainLine(text: string): string {
  return text
    .replace(/^\s*(?:>\s*)*(?:\[![^\]]*\][+-]?\s*)?/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(
      /!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g,
      (_m, target: string, alias?: string) => alias ?? target,
    )
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|==|~~|`+)/g, '')
    .trim();
}

/** Sentences of a line: split after . ! ? ; (not after "e.g.", "i.e.", "z.B.", "etc.", "vs."). */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<!\b(?:e\.g|i\.e|z\.\s?B|etc|vs|bzw|ca))(?<=[.!?;])\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 8);
}

/** A dash and a reply that denies what came before it: "… - no, it doesn't", "… — not true". */
const DENYING_TAIL = /\s[-–—]{1,2}\s+(?:no\b|nope\b|nah\b|wrong\b|false\b|not (?:true|so|really)\b|it (?:does|is)(?:n['’]t| not)\b)/i;

/**
 * Clauses of a sentence joined by "but", "while", "whereas", ";" (and aber, mais, pero), or set
 * off by a spaced dash, as students add a doubt to a claim ("… deletes the volume too - check this!!").
 */
function clausesOf(sentence: string): string[] {
  const split = sentence.split(/\s*(?:,\s*(?:but|while|whereas|aber|mais|pero|sondern)\s+|;\s+|\s+(?:but|whereas)\s+|\s+[-–—]{1,2}\s+)/i);
  if (split.length < 2) return [];
  return split.map((part) => part.trim().replace(/[.!?]+$/, '')).filter((part) => part.length > 8);
}
