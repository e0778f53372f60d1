import { useSyncExternalStore } from 'react';
import type { DemoRunEvent, DemoRunRecord } from '@contract';
import { getApi } from '../../api';

/** A run as the renderer shows it: the record plus the base-image progress while it resolves. */
export interface LiveRun extends DemoRunRecord {
  image?: { message: string; fraction?: number };
}

type Listener = () => void;

const runs = new Map<string, LiveRun>();
const latestByDemo = new Map<string, string>();
const listeners = new Set<Listener>();
let version = 0;
let subscribed = false;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function update(runId: string, change: (run: LiveRun) => LiveRun): void {
  const run = runs.get(runId);
  if (!run) return;
  runs.set(runId, change(run));
}

function withStep(run: LiveRun, index: number, change: (step: LiveRun['steps'][number]) => LiveRun['steps'][number]): LiveRun {
  return { ...run, steps: run.steps.map((s) => (s.index === index ? change(s) : s)) };
}

/** Folds one run event into the store. */
export function applyRunEvent(event: DemoRunEvent): void {
  switch (event.type) {
    case 'run-started':
    case 'run-finished':
      runs.set(event.runId, { ...runs.get(event.runId), ...event.record });
      latestByDemo.set(event.record.demoId, event.runId);
      break;
    case 'image':
      update(event.runId, (run) => ({ ...run, image: { message: event.message, ...(event.fraction !== undefined ? { fraction: event.fraction } : {}) } }));
      break;
    case 'step-started':
      update(event.runId, (run) => ({ ...withStep(run, event.index, (s) => ({ ...s, status: 'running', cli: event.cli })), waitingFor: undefined, nextStep: undefined }));
      break;
    case 'output':
      update(event.runId, (run) =>
        withStep(run, event.index, (s) => {
          const last = s.output[s.output.length - 1];
          const output = last && last.stream === event.stream ? [...s.output.slice(0, -1), { ...last, text: last.text + event.text }] : [...s.output, { stream: event.stream, text: event.text }];
          return { ...s, output };
        }),
      );
      break;
    case 'step-finished':
      update(event.runId, (run) => withStep(run, event.index, () => event.step));
      break;
    case 'docker-event':
      update(event.runId, (run) => ({ ...run, events: [...run.events, event.event].slice(-300) }));
      break;
    case 'resources':
      update(event.runId, (run) => ({ ...run, resources: event.resources }));
      break;
    case 'cleanup':
      update(event.runId, (run) => ({ ...run, cleanup: event.cleanup, waitingFor: undefined, nextStep: undefined }));
      break;
    case 'waiting':
      update(event.runId, (run) => {
        const next = event.index !== undefined && event.cli !== undefined ? withStep(run, event.index, (s) => ({ ...s, cli: event.cli ?? s.cli })) : run;
        return { ...next, waitingFor: event.waitingFor, nextStep: event.index, status: event.status, ...(event.reason ? { reason: event.reason } : {}) };
      });
      break;
  }
  changed();
}

function ensureSubscribed(): void {
  if (subscribed) return;
  subscribed = true;
  getApi().on('demos.run', applyRunEvent);
}

/** Remembers a run fetched from the history. */
export function rememberRun(record: DemoRunRecord): void {
  const live = runs.get(record.runId);
  // A live run knows more than a stored snapshot of it.
  if (live && isActive(live) && record.status === live.status && record.waitingFor === live.waitingFor) return;
  runs.set(record.runId, { ...live, ...record });
  changed();
}

/** Starts a demo (step by step on request); the run shows up through its events. */
export async function startDemo(demoId: string, options: { stepThrough?: boolean } = {}): Promise<DemoRunRecord> {
  ensureSubscribed();
  const record = await getApi().call('demos.start', { demoId, ...(options.stepThrough ? { stepThrough: true } : {}) });
  if (!runs.has(record.runId)) runs.set(record.runId, record);
  latestByDemo.set(demoId, record.runId);
  changed();
  return record;
}

/** Cancels a run. */
export async function cancelRun(runId: string): Promise<void> {
  rememberRun(await getApi().call('demos.cancel', { runId }));
}

/** Step-through: runs the next step. */
export async function advanceRun(runId: string): Promise<void> {
  await getApi().call('demos.advance', { runId });
}

/** Step-through: removes what the run created (the steps not run yet are left out). */
export async function cleanUpRun(runId: string): Promise<void> {
  rememberRun(await getApi().call('demos.cleanUp', { runId }));
}

function subscribe(listener: Listener): () => void {
  ensureSubscribed();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders on every change to the run store. */
function useVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

/** A run, live as its events arrive. */
export function useRun(runId: string | undefined): LiveRun | undefined {
  useVersion();
  return runId ? runs.get(runId) : undefined;
}

/** The run of this demo started last in this window (by anyone), if any. */
export function useLatestRunId(demoId: string): string | undefined {
  useVersion();
  return latestByDemo.get(demoId);
}

/** True while a run is queued or going, or (step-through) waits for Clean up. */
export function isActive(run: { status: string; waitingFor?: string | undefined } | undefined): boolean {
  return run?.status === 'running' || run?.status === 'queued' || Boolean(run?.waitingFor);
}
