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

/** Colours per state and for the page, per theme; baked into exported pictures. */
export const TIMELINE_THEMES = {
  light: {
    background: '#ffffff',
    text: '#1f2328',
    muted: '#6b7280',
    grid: '#e5e7eb',
    band: ['#eef2ff', '#f5f3ff'],
    states: {
      created: '#94a3b8',
      attached: '#a78bfa',
      mounted: '#16a34a',
      running: '#16a34a',
      unmounted: '#d97706',
      stopped: '#d97706',
      dangling: '#dc2626',
      'in-use': '#16a34a',
      unused: '#d97706',
      removed: '#d1d5db',
    },
  },
  dark: {
    background: '#16181d',
    text: '#e6e8eb',
    muted: '#9aa1ab',
    grid: '#2b2f36',
    band: ['#1f2433', '#231f33'],
    states: {
      created: '#64748b',
      attached: '#8b5cf6',
      mounted: '#22c55e',
      running: '#22c55e',
      unmounted: '#f59e0b',
      stopped: '#f59e0b',
      dangling: '#ef4444',
      'in-use': '#22c55e',
      unused: '#f59e0b',
      removed: '#3f4652',
    },
  },
} satisfies Record<
  'light' | 'dark',
  {
    background: string;
    text: string;
    muted: string;
    grid: string;
    band: string[];
    states: Record<TimelineState, string>;
  }
>;

/** The state of a row at an instant (undefined before it existed). */
export function stateAt(row: Pick<TimelineRow, 'segments'>, at: number): TimelineState | undefined {
  let state: TimelineState | undefined;
  for (const segment of row.segments) {
    if (segment.from > at) break;
    state = segment.state;
  }
  return state;
}
