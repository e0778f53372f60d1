import { useState } from 'react';
import { advanceRun, cleanUpRun, type LiveRun } from './runs-store';

/**
 * The bar of a step-through run: what comes next, "Next step" (Space/Enter in the run view)
 * and "Clean up", which is the only thing that removes what the demo created.
 */
export function StepControls({ run, onAdvanced }: { run: LiveRun; onAdvanced?: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!run.stepThrough || run.cleanup || (run.status !== 'running' && !run.waitingFor)) return null;
  const next =
    run.waitingFor === 'step' && run.nextStep !== undefined ? run.steps[run.nextStep] : undefined;
  const act = (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    work()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div
      className={`demo-step-controls is-${run.waitingFor ?? 'busy'}`}
      role="group"
      aria-label="Step by step"
    >
      <div className="demo-step-controls-text" aria-live="polite">
        {next && (
          <>
            <span className="demo-step-controls-kicker">
              Next · step {next.index + 1} of {run.steps.length}
            </span>
            <span className="demo-step-controls-title">{next.title}</span>
          </>
        )}
        {run.waitingFor === 'cleanup' && (
          <>
            <span className="demo-step-controls-kicker">All steps ran · nothing removed yet</span>
            <span className="demo-step-controls-title">
              Look at the containers and volumes in the Storage view, then clean up.
            </span>
          </>
        )}
        {!run.waitingFor && <span className="demo-step-controls-kicker">Running step…</span>}
      </div>
      {next && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          aria-keyshortcuts="Space Enter"
          onClick={() => act(() => advanceRun(run.runId).then(() => onAdvanced?.()))}
        >
          Next step <kbd>Space</kbd>
        </button>
      )}
      <button
        type="button"
        className={run.waitingFor === 'cleanup' ? 'btn btn-primary' : 'btn'}
        disabled={busy || !run.waitingFor}
        title={
          run.waitingFor === 'step'
            ? 'Remove what the demo created now; the steps not run yet are left out'
            : 'Remove everything the demo created'
        }
        onClick={() => act(() => cleanUpRun(run.runId))}
      >
        Clean up
      </button>
      {error && (
        <div className="demo-start-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
