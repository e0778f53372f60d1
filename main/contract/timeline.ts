import { z } from 'zod';
import { method } from './define';

const runId = z.string().regex(/^[a-z0-9]{6,40}$/, 'not a run id');
const notePath = z.string().min(1).max(1024).endsWith('.md', 'must be a note path ending in .md');

/** What a row of the timeline is. */
export const timelineRowKindSchema = z.enum([
  'container',
  'named',
  'anonymous',
  'bind',
  'tmpfs',
  'network',
]);
export type TimelineRowKind = z.infer<typeof timelineRowKindSchema>;

/** Every state a row can be in: storage, container and network states in one list. */
export const timelineStateSchema = z.enum([
  'created',
  'attached',
  'mounted',
  'running',
  'unmounted',
  'stopped',
  'dangling',
  'in-use',
  'unused',
  'removed',
]);
export type TimelineState = z.infer<typeof timelineStateSchema>;

/** A stretch of time in one state; `to` is null while it lasts. */
export const timelineSegmentSchema = z.object({
  state: timelineStateSchema,
  from: z.number(),
  to: z.number().nullable(),
  /** The event or change that started it, in words ("volume mount by writer"). */
  cause: z.string(),
});
export type TimelineSegment = z.infer<typeof timelineSegmentSchema>;

/** One object over time: its states as segments and its events as ticks. */
export const timelineRowSchema = z.object({
  id: z.string(),
  kind: timelineRowKindSchema,
  label: z.string(),
  segments: z.array(timelineSegmentSchema),
  ticks: z.array(z.object({ at: z.number(), action: z.string() })),
  /** Container rows: the rows of the mounts and networks it used, with when it first did. */
  links: z.array(z.object({ rowId: z.string(), at: z.number() })),
});
export type TimelineRow = z.infer<typeof timelineRowSchema>;

/** A demo step as a labelled band across the timeline. */
export const timelineBandSchema = z.object({
  index: z.number().int(),
  title: z.string(),
  from: z.number(),
  to: z.number(),
  status: z.string(),
});
export type TimelineBand = z.infer<typeof timelineBandSchema>;

export const timelineModelSchema = z.object({
  title: z.string(),
  runId: z.string().optional(),
  from: z.number(),
  to: z.number(),
  rows: z.array(timelineRowSchema),
  bands: z.array(timelineBandSchema),
});
export type TimelineModel = z.infer<typeof timelineModelSchema>;

const themeSchema = z.enum(['light', 'dark']);

export const timelineMethods = {
  'timeline.live': method(
    'Everything Berth has seen (storage, containers, networks) as a timeline, optionally from a time on.',
    z.object({ since: z.number().optional() }).strict(),
    timelineModelSchema,
  ),
  'timeline.forRun': method(
    'One demo run as a timeline, from its recorded events: also after a restart.',
    z.object({ runId }).strict(),
    timelineModelSchema,
  ),
  'timeline.svg': method(
    'A run’s timeline (or the live one) as a self-contained SVG: no scripts, no external references, colours baked in.',
    z
      .object({ runId: runId.optional(), since: z.number().optional(), theme: themeSchema })
      .strict(),
    z.object({ fileName: z.string(), svg: z.string() }),
  ),
  'timeline.saveToNote': method(
    'Writes a run’s timeline SVG into the vault’s attachment folder and embeds it under a heading of a note (atomic writes), on the user’s explicit action.',
    z
      .object({
        runId,
        path: notePath,
        heading: z.string().max(500).optional(),
        theme: themeSchema,
      })
      .strict(),
    z.object({ attachment: z.string(), path: z.string(), undoToken: z.string() }),
  ),
  'timeline.undoSave': method(
    'Undoes a saveToNote (removes the embed and the file) when the note has not changed since.',
    z.object({ undoToken: z.string().min(1).max(200) }).strict(),
    z.object({ path: z.string() }),
  ),
} as const;

export * from './timeline-view';
