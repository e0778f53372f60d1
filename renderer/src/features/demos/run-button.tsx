import { useState } from 'react';
import { PlayIcon } from '../../ui/icons';
import { cancelRun, isActive, startDemo, type LiveRun } from './runs-store';
import { setStepThrough, useStepThrough } from './step-through-preference';

/** Run / Cancel for one demo, the Step-by-step switch, and a readable error when the start is refused. */
export function RunButton({
  demoId,
  run,
  onStarted,
  label = 'Run demo',
  stepToggle = true,
}: {
  demoId: string;
  run: LiveRun | undefined;
  onStarted?: (runId: string) => void;
  label?: string;
  /** Shows the "Step by step" switch (shared by every Run card and the Demos pane). */
  stepToggle?: boolean;
}) {
  const stepThrough = useStepThrough();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const active = isActive(run);
  return (
    <div className="demo-run-button">
      {active && run ? (
        <button
          type="button"
          className="btn btn-danger"
          onClick={() =>
            void cancelRun(run.runId).catch((e: unknown) =>
              setError(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          <span className="demo-stop-square" aria-hidden="true" /> Cancel
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(undefined);
            startDemo(demoId, { stepThrough: stepToggle && stepThrough })
              .then((record) => onStarted?.(record.runId))
              .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              .finally(() => setBusy(false));
          }}
        >
          <PlayIcon size={14} /> {stepToggle && stepThrough ? (run ? 'Step through again' : 'Step through') : run ? 'Run again' : label}
        </button>
      )}
      {stepToggle && !active && (
        <label className="demo-step-toggle" title="Run one step at a time (Space or Enter for the next) and clean up only when you say so">
          <input type="checkbox" role="switch" checked={stepThrough} onChange={(e) => setStepThrough(e.target.checked)} />
          <span>Step by step</span>
        </label>
      )}
      {error && (
        <div className="demo-start-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
