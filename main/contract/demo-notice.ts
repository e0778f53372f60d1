import { z } from 'zod';

/**
 * Turns a demos event into a "demo finished" notice, or null when the event is not a finished run.
 * Shared by the desktop notifier (main) and the web-mode notifier (renderer), and tolerant of the
 * shapes the demos feature publishes: a run record, a run summary, or a `run-finished` run event.
 */
const finishedRun = z.object({
  title: z.string().optional(),
  demoId: z.string().optional(),
  status: z.enum(['passed', 'failed', 'cancelled', 'interrupted', 'skipped']),
  reason: z.string().optional(),
  durationMs: z.number().optional(),
  passedSteps: z.number().optional(),
  totalSteps: z.number().optional(),
});

export interface DemoNotice {
  title: string;
  body: string;
  tone: 'ok' | 'danger' | 'warn';
  /** The run it is about; notices for the same run replace each other. */
  tag: string;
}

function pickRun(payload: unknown): z.infer<typeof finishedRun> & { runId?: string } {
  const value = payload as Record<string, unknown> | null;
  if (!value || typeof value !== 'object') return finishedRun.parse(undefined);
  if (value.type !== undefined && value.type !== 'run-finished') return finishedRun.parse(undefined);
  const record = (value.record ?? value.summary ?? value.run ?? value) as Record<string, unknown>;
  const parsed = finishedRun.parse(record);
  const runId = typeof record.runId === 'string' ? record.runId : typeof value.runId === 'string' ? value.runId : undefined;
  return runId ? { ...parsed, runId } : parsed;
}

/** The notice for a finished demo run, or null for any other event. */
export function demoFinishedNotice(payload: unknown): DemoNotice | null {
  let run: ReturnType<typeof pickRun>;
  try {
    run = pickRun(payload);
  } catch {
    return null;
  }
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
