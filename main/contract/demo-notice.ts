/**
 * Turns a demos event into a "demo finished" notice, or null when the event is not a finished run.
 * Shared by the desktop notifier (main) and the web-mode notifier (renderer), and tolerant of the
 * shapes the demos feature publishes: a run record, a run summary, or a `run-finished` run event.
 * Checked by hand, not by a zod schema: the page loads this file at start, without zod.
 */
const FINISHED = ['passed', 'failed', 'cancelled', 'interrupted', 'skipped'] as const;

interface FinishedRun {
  title?: string;
  demoId?: string;
  status: (typeof FINISHED)[number];
  reason?: string;
  durationMs?: number;
  passedSteps?: number;
  totalSteps?: number;
  runId?: string;
}

const isOptional = (value: unknown, kind: 'string' | 'number') =>
  value === undefined || (kind === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === kind);

export interface DemoNotice {
  title: string;
  body: string;
  tone: 'ok' | 'danger' | 'warn';
  /** The run it is about; notices for the same run replace each other. */
  tag: string;
}

function pickRun(payload: unknown): FinishedRun | null {
  const value = payload as Record<string, unknown> | null;
  if (!value || typeof value !== 'object') return null;
  if (value.type !== undefined && value.type !== 'run-finished') return null;
  const record = (value.record ?? value.summary ?? value.run ?? value) as Record<string, unknown> | null;
  if (!record || typeof record !== 'object') return null;
  if (!FINISHED.includes(record.status as FinishedRun['status'])) return null;
  const strings = ['title', 'demoId', 'reason'].every((key) => isOptional(record[key], 'string'));
  const numbers = ['durationMs', 'passedSteps', 'totalSteps'].every((key) => isOptional(record[key], 'number'));
  if (!strings || !numbers) return null;
  const run = record as unknown as FinishedRun;
  const runId = typeof record.runId === 'string' ? record.runId : typeof value.runId === 'string' ? value.runId : undefined;
  return { ...run, ...(runId ? { runId } : {}) };
}

/** The notice for a finished demo run, or null for any other event. */
export function demoFinishedNotice(payload: unknown): DemoNotice | null {
  const run = pickRun(payload);
  if (!run) return null;
  const name = run.title ?? run.demoId ?? 'Demo';
  const seconds = run.durationMs !== undefined ? ` in ${(run.durationMs / 1000).toFixed(1)} s` : '';
  const steps = run.totalSteps ? ` (${run.passedSteps ?? 0}/${run.totalSteps} steps)` : '';
  const tag = `berth-demo-${run.runId ?? name}`;
  switch (run.status) {
    case 'passed':
      return { title: `Demo passed: ${name}`, body: `Every check held${seconds}${steps}.`, tone: 'ok', tag };
    case 'failed':
      return { title: `Demo failed: ${name}`, body: `${run.reason ?? 'A check did not hold.'}${steps}`, tone: 'danger', tag };
    default:
      return { title: `Demo ${run.status}: ${name}`, body: run.reason ?? `The run was ${run.status}${seconds}.`, tone: 'warn', tag };
  }
}
