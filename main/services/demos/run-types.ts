import type { BaseImageSource } from './base-image';
import type { ExpectationResult } from './expectations';
import type { ResourceKind } from './run-context';
import type { OutputStream } from './stream-demux';

/** How a run ended (or that it is still going). */
export type RunStatus = 'queued' | 'running' | 'passed' | 'failed' | 'cancelled' | 'interrupted' | 'skipped';
export type StepStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped' | 'cancelled';

/** A piece of container output, tagged with its stream. */
export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

/** One step of a run as the user sees it. */
export interface StepRecord {
  index: number;
  title: string;
  explain?: string;
  cli: string;
  status: StepStatus;
  /** When the step started (ms since the epoch). */
  startedAt?: number;
  durationMs?: number;
  output: OutputChunk[];
  expectations: ExpectationResult[];
  /** Why the step failed, in one readable sentence. */
  error?: string;
  table?: { columns: string[]; rows: string[][] };
}

/** A Docker event caused by the run. */
export interface RunDockerEvent {
  type: string;
  action: string;
  name: string;
  at: number;
  /** The object's id (containers), to link volume mounts to their container. */
  actorId?: string;
  /** Volume mount and unmount events: the id of the container. */
  container?: string;
}

/** What the cleanup after a run did. */
export interface RunCleanup {
  status: 'done' | 'pending' | 'failed';
  removed: Record<ResourceKind, string[]>;
  message: string;
}

/** Everything about one run, kept in the run history. */
export interface RunRecord {
  runId: string;
  demoId: string;
  title: string;
  note: string;
  status: RunStatus;
  /** Key of the engine the run ran on (its endpoint URL); runs from before engines were told apart have none. */
  engine?: string;
  /** Why the run failed, was skipped or interrupted. */
  reason?: string;
  startedAt: number;
  finishedAt?: number;
  durationMs?: number;
  baseImage?: { image: string; source: BaseImageSource; message: string };
  steps: StepRecord[];
  events: RunDockerEvent[];
  resources: Record<ResourceKind, string[]>;
  cleanup?: RunCleanup;
  pid: number;
  /** Step-through mode: each step waits for "Next step", the cleanup for "Clean up". */
  stepThrough?: boolean;
  /** What a step-through run waits for now. */
  waitingFor?: 'step' | 'cleanup';
  /** The index of the step that runs on the next "Next step". */
  nextStep?: number;
}

/** What a run tells its listeners while it goes. */
export type RunEvent =
  | { type: 'run-started'; runId: string; demoId: string; record: RunRecord }
  | { type: 'image'; runId: string; message: string; fraction?: number }
  | { type: 'step-started'; runId: string; index: number; cli: string }
  | { type: 'output'; runId: string; index: number; stream: OutputStream; text: string }
  | { type: 'step-finished'; runId: string; index: number; step: StepRecord }
  | { type: 'docker-event'; runId: string; event: RunDockerEvent }
  | { type: 'resources'; runId: string; resources: Record<ResourceKind, string[]> }
  | { type: 'waiting'; runId: string; waitingFor: 'step' | 'cleanup'; index?: number; cli?: string; status: RunStatus; reason?: string }
  | { type: 'cleanup'; runId: string; cleanup: RunCleanup }
  | { type: 'run-finished'; runId: string; record: RunRecord };

/** Short summary of a run for lists. */
export interface RunSummary {
  runId: string;
  demoId: string;
  title: string;
  status: RunStatus;
  startedAt: number;
  durationMs?: number;
  passedSteps: number;
  totalSteps: number;
}

/** A run record shortened to a summary. */
export function summarizeRun(record: RunRecord): RunSummary {
  return {
    runId: record.runId,
    demoId: record.demoId,
    title: record.title,
    status: record.status,
    startedAt: record.startedAt,
    ...(record.durationMs !== undefined ? { durationMs: record.durationMs } : {}),
    passedSteps: record.steps.filter((s) => s.status === 'passed').length,
    totalSteps: record.steps.length,
  };
}
