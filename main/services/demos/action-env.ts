import type Dockerode from 'dockerode';
import type { EngineStage } from './engine-stage';
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
  /** On a remote engine, for demos with bind mounts: copies run-folder files to the engine's machine and back. */
  stage?: EngineStage;
  /** Called once a foreground container has started (the runner may prepare the next step then). */
  onRunning?(): void;
  /** The exit code from the container's `die` event, once the run's event stream has it. */
  exitSeen?(containerId: string): Promise<number>;
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
  if (signal.aborted) {
    // The work already started: its late failure must not become an unhandled rejection (which
    // ends the main process; seen in the chaos soak as a 409 from a cancelled run's container start).
    promise.catch(() => undefined);
    return Promise.reject(new CancelledError());
  }
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

/** Starts watching a stream at once; `wait(ms)` resolves when it has ended or closed, or after `ms`. */
export function watchEnd(stream: NodeJS.ReadableStream): { wait(ms: number): Promise<void> } {
  const ended = new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
  return {
    wait(ms: number) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });
      return Promise.race([ended, timeout]).finally(() => clearTimeout(timer));
    },
  };
}

/** Rejects with a readable error when a step takes longer than `ms`. */
export function withStepTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The step took longer than ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
