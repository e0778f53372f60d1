import { z } from 'zod';
import { event, method } from './define';

const notePath = z.string().min(1).max(1024).endsWith('.md', 'must be a note path ending in .md');
const demoId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a demo id').max(80);

/** One demo suggested for a heading section, best first. */
export const suggestedDemoSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  /** 0..1, higher is a better fit. */
  score: z.number(),
  /** Why it was suggested, in words ("matched: tmpfs, lifetime of the container"). */
  why: z.string(),
});
export type SuggestedDemo = z.infer<typeof suggestedDemoSchema>;

/** A heading section of a note and the demos that fit it (at most 3). */
export const sectionSuggestionSchema = z.object({
  heading: z.string(),
  /** 1-based line of the heading in the note's source. */
  line: z.number().int().min(1),
  /** The heading's anchor id in the rendered note. */
  slug: z.string(),
  demos: z.array(suggestedDemoSchema).max(3),
});
export type SectionSuggestion = z.infer<typeof sectionSuggestionSchema>;

/** A sentence of a note that states a misconception a demo corrects. */
export const claimFlagSchema = z.object({
  /** 1-based line of the sentence in the note's source. */
  line: z.number().int().min(1),
  /** The sentence as written in the note (plain text). */
  text: z.string(),
  demo: z.string(),
  demoTitle: z.string(),
  /** The misconception, as the demo states it. */
  claim: z.string(),
  correction: z.string(),
});
export type ClaimFlag = z.infer<typeof claimFlagSchema>;

export const suggestionsMethods = {
  'suggestions.forNote': method(
    'Demos suggested for each heading section of a note, and the sentences the claim check flags. Empty when suggestions are turned off.',
    z.object({ path: notePath }).strict(),
    z.object({ enabled: z.boolean(), sections: z.array(sectionSuggestionSchema), flags: z.array(claimFlagSchema) }),
  ),
  'suggestions.dismiss': method(
    'Hides a suggested demo under one heading of one note (remembered per vault); `restore` shows it again.',
    z.object({ path: notePath, heading: z.string().max(500), demoId, restore: z.boolean().optional() }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
  'suggestions.addToNote': method(
    'Writes a `berth-demo ID` block under a heading of the note (atomic write) on the user’s explicit action; returns a token to undo it.',
    z.object({ path: notePath, heading: z.string().max(500), line: z.number().int().min(1), demoId }).strict(),
    z.object({ path: z.string(), undoToken: z.string() }),
  ),
  'suggestions.undoAdd': method(
    'Undoes an addToNote, when the note has not changed since (else refuses with the reason).',
    z.object({ undoToken: z.string().min(1).max(200) }).strict(),
    z.object({ path: z.string() }),
  ),
} as const;

export const suggestionsEvents = {
  'suggestions.changed': event('Suggestions changed (setting toggled, a dismissal, the catalogue); re-query suggestions.forNote.', z.object({ at: z.number() })),
} as const;
