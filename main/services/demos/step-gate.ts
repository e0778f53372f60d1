/** What a step-through run waits for: the next step, or the click on "Clean up". */
export type StepWait = 'step' | 'cleanup';

/**
 * The pause between the steps of a step-through run: `wait` parks the run until `release`
 * (Next step / Clean up) or until the run's signal aborts (Cancel, leaving the note, closing).
 */
export class StepGate {
  private waiting: { kind: StepWait; resume: () => void } | null = null;

  /** What the run waits for now, if anything. */
  get waitingFor(): StepWait | undefined {
    return this.waiting?.kind;
  }

  /** Resolves once released for this kind, or when `signal` aborts. */
  wait(kind: StepWait, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        this.waiting = null;
        resolve();
      };
      this.waiting = { kind, resume: done };
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /** Lets the run go on if it waits for `kind`; false when it was not waiting for that. */
  release(kind: StepWait): boolean {
    if (this.waiting?.kind !== kind) return false;
    this.waiting.resume();
    return true;
  }
}
