/**
 * Work written as a generator that `yield`s between small steps, run either at once or in
 * slices that give the event loop back (the main process answers nothing while one runs).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs all steps now and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps in slices of about `sliceMs`, letting other tasks run between slices. */
export async function runStepsSliced<T>(steps: Steps<T>, sliceMs = 8): Promise<T> {
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started >= sliceMs) {
      await breathe();
      started = performance.now();
    }
  }
}
