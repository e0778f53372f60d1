import { z } from 'zod';
import { event, method } from './define';

/** Highlight colours offered by the selection toolbar. */
export const highlightColorSchema = z.enum(['yellow', 'green', 'blue', 'pink', 'purple']);
export type HighlightColor = z.infer<typeof highlightColorSchema>;

/** How many characters of context a quote selector keeps on each side. */
export const QUOTE_CONTEXT_CHARS = 32;

/** An Obsidian-style tag without the leading `#`, e.g. `docker/volumes`. */
export const annotationTagSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_/-]+$/u, 'tags may hold letters, digits, "_", "-" and "/" only');

/** The exact text with up to 32 characters before and after it. */
export const textQuoteSelectorSchema = z.object({
  exact: z.string().min(1).max(10_000),
  prefix: z.string().max(QUOTE_CONTEXT_CHARS),
  suffix: z.string().max(QUOTE_CONTEXT_CHARS),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

/** Offsets (UTF-16 code units, end exclusive) into the note's rendered text. */
export const textPositionSelectorSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/** Where an annotation sits in a note. */
export const annotationTargetSchema = z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  /** Text of the nearest heading above the quote; null before the first heading. */
  heading: z.string().max(300).nullable(),
});
export type AnnotationTarget = z.infer<typeof annotationTargetSchema>;

/** How the annotation was last placed: `orphaned` ones could not be found and keep their quote. */
export const anchorStateSchema = z.object({
  status: z.enum(['anchored', 'orphaned']),
  method: z.enum(['created', 'position', 'quote', 'fuzzy', 'none']),
  checkedAt: z.number(),
});
export type AnchorState = z.infer<typeof anchorStateSchema>;

/** A demo run attached to an annotation: "I ran it and saw this". */
export const annotationEvidenceSchema = z.object({
  runId: z.string().min(1).max(200),
  demoId: z.string().max(200).optional(),
  title: z.string().max(300).optional(),
  /** The run's result as the demos service reported it, e.g. `passed`, `failed`. */
  result: z.string().min(1).max(60),
  /** The key output lines of the run. */
  lines: z.array(z.string().max(1000)).max(40),
  /** The Docker events the run produced, one readable line each. */
  events: z.array(z.string().max(500)).max(60),
  ranAt: z.number().optional(),
});
export type AnnotationEvidence = z.infer<typeof annotationEvidenceSchema>;

/** Vault-relative note path with forward slashes, e.g. `Storage/Volumes.md`. */
export const notePathSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be a path inside the vault');

/** One highlight or comment on a note. */
export const annotationSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/),
  notePath: notePathSchema,
  color: highlightColorSchema,
  /** Markdown, rendered with the notes' safe pipeline; empty for a plain highlight. */
  comment: z.string().max(20_000),
  tags: z.array(annotationTagSchema).max(32),
  target: annotationTargetSchema,
  anchor: anchorStateSchema,
  evidence: annotationEvidenceSchema.nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Annotation = z.infer<typeof annotationSchema>;

/** A heading of the rendered note: its offset in the rendered text. */
export const renderedHeadingSchema = z.object({
  offset: z.number().int().min(0),
  text: z.string().max(300),
  level: z.number().int().min(1).max(6),
});
export type RenderedHeading = z.infer<typeof renderedHeadingSchema>;

/** A note's rendered text as the reader shows it, with its headings. */
export const renderedTextSchema = z.object({
  text: z.string().max(5_000_000),
  headings: z.array(renderedHeadingSchema).max(5000),
});
export type RenderedText = z.infer<typeof renderedTextSchema>;

/** Where an annotation landed in the current text. */
export const placementSchema = z.object({
  id: z.string(),
  status: z.enum(['anchored', 'orphaned']),
  method: z.enum(['position', 'quote', 'fuzzy', 'none']),
  start: z.number().int(),
  end: z.number().int(),
});
export type Placement = z.infer<typeof placementSchema>;

const editableFields = {
  color: highlightColorSchema,
  comment: z.string().max(20_000),
  tags: z.array(annotationTagSchema).max(32),
  evidence: annotationEvidenceSchema.nullable(),
};

export const importReportSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** One readable line per block that could not be imported, with its line number. */
  problems: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const annotationsMethods = {
  'annotations.list': method(
    'Annotations of one note, or of the whole vault when notePath is absent.',
    z.object({ notePath: notePathSchema.optional() }).strict(),
    z.object({ annotations: z.array(annotationSchema) }),
  ),
  'annotations.create': method(
    'Annotates the range [start, end) of a note\'s rendered text.',
    z
      .object({
        notePath: notePathSchema,
        rendered: renderedTextSchema,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        color: highlightColorSchema.default('yellow'),
        comment: z.string().max(20_000).default(''),
        tags: z.array(annotationTagSchema).max(32).default([]),
        evidence: annotationEvidenceSchema.nullable().default(null),
      })
      .strict(),
    annotationSchema,
  ),
  'annotations.update': method(
    'Changes the colour, comment, tags or evidence of an annotation.',
    z.object({ id: z.string().max(64), ...editableFields }).partial({ color: true, comment: true, tags: true, evidence: true }).strict(),
    annotationSchema,
  ),
  'annotations.remove': method(
    'Deletes an annotation and returns it, so that the UI can undo.',
    z.object({ id: z.string().max(64) }).strict(),
    z.object({ removed: annotationSchema }),
  ),
  'annotations.restore': method(
    'Puts back an annotation returned by annotations.remove (undo).',
    z.object({ annotation: annotationSchema }).strict(),
    annotationSchema,
  ),
  'annotations.anchor': method(
    'Re-anchors the annotations of a note on its current rendered text and saves where they landed.',
    z.object({ notePath: notePathSchema, rendered: renderedTextSchema }).strict(),
    z.object({ placements: z.array(placementSchema), annotations: z.array(annotationSchema) }),
  ),
  'annotations.exportMarkdown': method(
    'The annotations of a note (or of the vault) as Obsidian-compatible markdown.',
    z.object({ notePath: notePathSchema.optional() }).strict(),
    z.object({ markdown: z.string(), count: z.number().int(), fileName: z.string() }),
  ),
  'annotations.storeStatus': method(
    'Where the open vault\'s annotations are stored, and any damage found when they were loaded.',
    z.object({}).strict(),
    z.object({
      storeDir: z.string(),
      notices: z.array(z.object({ level: z.enum(['warning', 'error']), message: z.string(), backup: z.string().optional() })),
    }),
  ),
  'annotations.renderComment': method(
    'A comment\'s markdown as sanitized HTML, rendered like the note it is on.',
    z.object({ notePath: notePathSchema, markdown: z.string().max(20_000) }).strict(),
    z.object({ html: z.string() }),
  ),
  'annotations.importMarkdown': method(
    'Restores annotations from markdown written by exportMarkdown.',
    z.object({ markdown: z.string().max(20_000_000) }).strict(),
    importReportSchema,
  ),
} as const;

export const annotationsEvents = {
  'annotations.changed': event(
    'Annotations of these notes changed; re-query them.',
    z.object({ notePaths: z.array(z.string()), at: z.number() }),
  ),
} as const;
