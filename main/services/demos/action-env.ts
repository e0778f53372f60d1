import type Dockerode from 'dockerode';
import type { StepResult } from './expectations';
import type { RunContext } from './run-context';
import type { OutputStream } from './stream-demux';

/** What an action needs to do its one Docker thing. */
export interface ActionEnv {
  docker: Dockerode;
  ctx: RunContext;
  signal: AbortSignal;
  onOutput(stream: OutputStream, text: string): void;
  /** Container ids of the run, so events about them can be attributed. */
  containerIds: Set<string>;
}

/** An action's outcome before the runner adds the timing. */
export type ActionOutcome = Omit<StepResult, 'durationMs'> & { durationMs?: number };

/** Thrown when a run is cancelled; the step is marked cancelled, not failed. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** Settles with `promise`, or rejects with {@link CancelledError} as soon as `signal` aborts. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves when a stream ends or closes, or after `ms` at the latest. */
export function streamEnded(stream: NodeJS.ReadableStream, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.once('end', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}
