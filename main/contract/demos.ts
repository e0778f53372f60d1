import { z } from 'zod';
import { event, method, noParams } from './define';

const runId = z.string().regex(/^[a-z0-9]{6,40}$/, 'not a run id');
const demoId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a demo id').max(80);

export const demoSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  topic: z.string(),
  /** The note this demo proves, as a path inside the vault. */
  note: z.string(),
  heading: z.string().optional(),
  /** A tool the host must have (e.g. `compose`); without it the demo is skipped. */
  requires: z.string().optional(),
  stepCount: z.number().int(),
  steps: z.array(z.object({ title: z.string(), explain: z.string().optional() })),
});
export type DemoSummary = z.infer<typeof demoSummarySchema>;

export const demoBaseImageSchema = z.object({
  image: z.string(),
  source: z.enum(['pinned-local', 'pinned-pulled', 'fallback-local', 'fallback-built']),
  message: z.string(),
});

export const demoResourcesSchema = z.object({
  container: z.array(z.string()),
  network: z.array(z.string()),
  volume: z.array(z.string()),
  image: z.array(z.string()),
});
export type DemoResources = z.infer<typeof demoResourcesSchema>;

export const demoRunStatusSchema = z.enum(['queued', 'running', 'passed', 'failed', 'cancelled', 'interrupted', 'skipped']);
export type DemoRunStatus = z.infer<typeof demoRunStatusSchema>;
export const demoStepStatusSchema = z.enum(['pending', 'running', 'passed', 'failed', 'skipped', 'cancelled']);
export type DemoStepStatus = z.infer<typeof demoStepStatusSchema>;

export const outputChunkSchema = z.object({ stream: z.enum(['stdout', 'stderr']), text: z.string() });

export const expectationResultSchema = z.object({
  label: z.string(),
  passed: z.boolean(),
  expected: z.string(),
  actual: z.string(),
});

export const demoStepRecordSchema = z.object({
  index: z.number().int(),
  title: z.string(),
  explain: z.string().optional(),
  /** The `docker` command that does the same. */
  cli: z.string(),
  status: demoStepStatusSchema,
  /** When the step started (ms since the epoch), for the timeline's step bands. */
  startedAt: z.number().optional(),
  durationMs: z.number().optional(),
  output: z.array(outputChunkSchema),
  expectations: z.array(expectationResultSchema),
  error: z.string().optional(),
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).optional(),
});
export type DemoStepRecord = z.infer<typeof demoStepRecordSchema>;

export const demoDockerEventSchema = z.object({
  type: z.string(),
  action: z.string(),
  name: z.string(),
  at: z.number(),
  /** The object's id (containers), to link volume mounts to their container. */
  actorId: z.string().optional(),
  /** Volume mount and unmount events: the id of the container. */
  container: z.string().optional(),
});

export const demoCleanupSchema = z.object({
  status: z.enum(['done', 'pending', 'failed']),
  removed: demoResourcesSchema,
  message: z.string(),
});

export const demoRunRecordSchema = z.object({
  runId: z.string(),
  demoId: z.string(),
  title: z.string(),
  note: z.string(),
  status: demoRunStatusSchema,
  /** Key of the engine the run ran on (its endpoint URL); older runs have none. */
  engine: z.string().optional(),
  reason: z.string().optional(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  durationMs: z.number().optional(),
  baseImage: demoBaseImageSchema.optional(),
  steps: z.array(demoStepRecordSchema),
  events: z.array(demoDockerEventSchema),
  /** Names of what the run created, for the lifecycle view (all labelled `berth.run=<runId>`). */
  resources: demoResourcesSchema,
  cleanup: demoCleanupSchema.optional(),
  pid: z.number(),
  /** Step-through mode: each step waits for demos.advance, the cleanup for demos.cleanUp. */
  stepThrough: z.boolean().optional(),
  /** What a step-through run waits for now. */
  waitingFor: z.enum(['step', 'cleanup']).optional(),
  /** The step that runs on the next demos.advance. */
  nextStep: z.number().int().optional(),
});
export type DemoRunRecord = z.infer<typeof demoRunRecordSchema>;

export const demoRunSummarySchema = z.object({
  runId: z.string(),
  demoId: z.string(),
  title: z.string(),
  status: demoRunStatusSchema,
  startedAt: z.number(),
  durationMs: z.number().optional(),
  passedSteps: z.number().int(),
  totalSteps: z.number().int(),
});
export type DemoRunSummary = z.infer<typeof demoRunSummarySchema>;

/** What a run tells the renderer while it goes; `runId` is on every variant. */
export const demoRunEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), runId: z.string(), demoId: z.string(), record: demoRunRecordSchema }),
  z.object({ type: z.literal('image'), runId: z.string(), message: z.string(), fraction: z.number().optional() }),
  z.object({ type: z.literal('step-started'), runId: z.string(), index: z.number().int(), cli: z.string() }),
  z.object({ type: z.literal('output'), runId: z.string(), index: z.number().int(), stream: z.enum(['stdout', 'stderr']), text: z.string() }),
  z.object({ type: z.literal('step-finished'), runId: z.string(), index: z.number().int(), step: demoStepRecordSchema }),
  z.object({ type: z.literal('docker-event'), runId: z.string(), event: demoDockerEventSchema }),
  z.object({ type: z.literal('resources'), runId: z.string(), resources: demoResourcesSchema }),
  z.object({
    type: z.literal('waiting'),
    runId: z.string(),
    waitingFor: z.enum(['step', 'cleanup']),
    index: z.number().int().optional(),
    /** The next step's command, as it will run. */
    cli: z.string().optional(),
    /** The run's verdict so far (final once it waits for the cleanup). */
    status: demoRunStatusSchema,
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal('cleanup'), runId: z.string(), cleanup: demoCleanupSchema }),
  z.object({ type: z.literal('run-finished'), runId: z.string(), record: demoRunRecordSchema }),
]);
export type DemoRunEvent = z.infer<typeof demoRunEventSchema>;

export const demoSweepResultSchema = z.object({
  runs: z.array(z.string()),
  removed: demoResourcesSchema,
  skippedLive: z.array(z.string()),
  failures: z.array(z.string()),
  daemonGone: z.boolean(),
  /** One sentence when something was removed. */
  message: z.string().optional(),
});

export const demosMethods = {
  'demos.list': method(
    'The demo catalogue, and the base image demos run on (once known).',
    noParams,
    z.object({ demos: z.array(demoSummarySchema), image: demoBaseImageSchema.nullable() }),
  ),
  'demos.start': method(
    'Starts (or queues) a run of a demo; progress comes as demos.run events. With stepThrough, each step waits for demos.advance and the cleanup for demos.cleanUp.',
    z.object({ demoId, stepThrough: z.boolean().optional() }).strict(),
    demoRunRecordSchema,
  ),
  'demos.advance': method('Step-through: runs the next step of a run that waits for it.', z.object({ runId }).strict(), demoRunRecordSchema),
  'demos.cleanUp': method(
    'Step-through: removes what the run created now (skipping the steps not run yet); resolves with the final record.',
    z.object({ runId }).strict(),
    demoRunRecordSchema,
  ),
  'demos.script': method(
    'The demo as a bash script: the shown commands, checks as markers, and a trap that removes what it created.',
    z.object({ demoId }).strict(),
    z.object({ script: z.string(), fileName: z.string() }),
  ),
  'demos.cancel': method('Stops a run at once; its cleanup still runs. Resolves with the final record.', z.object({ runId }).strict(), demoRunRecordSchema),
  'demos.getRun': method('One run, live or from the run history (steps, output, events, cleanup).', z.object({ runId }).strict(), demoRunRecordSchema),
  'demos.listRuns': method(
    'The run history, newest first.',
    z.object({ demoId: demoId.optional(), limit: z.number().int().min(1).max(300).optional() }).strict(),
    z.object({ runs: z.array(demoRunSummarySchema) }),
  ),
  'demos.sweep': method('Removes leftovers of demo runs that died and reports what it removed.', noParams, demoSweepResultSchema),
} as const;

export const demosEvents = {
  'demos.run': event('Progress of a demo run: steps, output (stdout/stderr), Docker events, resources, cleanup.', demoRunEventSchema),
  'demos.history': event('The run history changed; re-query demos.listRuns.', z.object({ runId: z.string(), demoId: z.string(), at: z.number() })),
} as const;
