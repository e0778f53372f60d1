import type { ClaimFlag, SectionSuggestion } from '../../contract/suggestions';
import type { Demo } from '../demos/demo-schema';
import { ClaimChecker } from './claim-check';
import { DemoMatcher } from './demo-matcher';
import { outlineNote } from '../vault/note-outline';
import { runSteps, runStepsSliced, type Steps } from './sliced-steps';

/** Headings of link lists and sources, whose words name other notes rather than this section's topic. */
const LINK_LIST_HEADING =
  /^(related( notes)?|see also|links|references|sources|further reading|siehe auch|voir aussi|ver tambi[eé]n|quellen)\s*:?$/i;

/** Words that show a note is about containers at all. */
const DOCKER_CONTEXT =
  /\b(?:docker|dockerfile|containers?|podman|compose\.ya?ml|docker-compose)\b/i;

/** Characters of a note looked at; in a longer note, headings further down get no suggestions. */
export const ANALYZE_LIMIT = 120_000;

/** What the suggestions service finds in one note, before dismissals are applied. */
export interface NoteSuggestions {
  sections: SectionSuggestion[];
  flags: ClaimFlag[];
  /** Heading sections in the note (with or without suggestions), for coverage figures. */
  headingCount: number;
}

/** The matcher and the claim check over one catalogue, applied to whole notes. */
export class NoteSuggester {
  readonly matcher: DemoMatcher;
  readonly claims: ClaimChecker;

  constructor(
    readonly demos: readonly Demo[],
    built?: { matcher: DemoMatcher },
  ) {
    this.matcher = built?.matcher ?? new DemoMatcher(demos);
    this.claims = new ClaimChecker(demos);
  }

  /** A suggester built a demo per step (building one at once takes ~50 ms), for a caller that runs steps in slices. */
  static *building(demos: readonly Demo[]): Steps<NoteSuggester> {
    const matcher = yield* DemoMatcher.building(demos);
    yield;
    return new NoteSuggester(demos, { matcher });
  }

  /** Suggestions for every heading section of a normalized note, and its flagged sentences. */
  suggest(source: string): NoteSuggestions {
    return runSteps(this.suggestSteps(source));
  }

  /** `suggest` in slices of a few milliseconds, so a long note does not hold up the main process. */
  suggestSliced(source: string): Promise<NoteSuggestions> {
    return runStepsSliced(this.suggestSteps(source));
  }

  private *suggestSteps(source: string): Steps<NoteSuggestions> {
    const text =
      source.length > ANALYZE_LIMIT
        ? source.slice(0, source.lastIndexOf('\n', ANALYZE_LIMIT) + 1)
        : source;
    const dockerContext = DOCKER_CONTEXT.test(text);
    const outline = outlineNote(text);
    yield; // the outline of a long note is a slice of its own
    const sections: SectionSuggestion[] = [];
    for (const section of outline.sections) {
      yield;
      if (LINK_LIST_HEADING.test(section.heading)) continue;
      const present = new Set(section.demoBlocks);
      const matches = this.matcher
        .matchSection(section.heading, section.body, 3 + present.size, dockerContext)
        .filter((match) => !present.has(match.demo.id));
      if (!matches.length) continue;
      sections.push({
        heading: section.heading,
        line: section.line,
        slug: section.slug,
        demos: matches.slice(0, 3).map((match) => ({
          id: match.demo.id,
          title: match.demo.title,
          summary: match.demo.summary,
          score: match.score,
          why: match.matched.length
            ? `matched: ${match.matched.join(', ')}`
            : 'matched the section’s words',
        })),
      });
    }
    return {
      sections,
      flags: yield* this.claims.checkSteps(outline.prose),
      headingCount: outline.sections.length,
    };
  }
}
