import { useState } from 'react';
import { PlayIcon } from '../../ui/icons';
import { cancelRun, isActive, startDemo, type LiveRun } from './runs-store';

/** Run / Cancel for one demo, with a readable error when the start is refused. */
export function RunButton({
  demoId,
  run,
  onStarted,
  label = 'Run demo',
}: {
  demoId: string;
  run: LiveRun | undefined;
  onStarted?: (runId: string) => void;
  label?: string;
}) {
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
            startDemo(demoId)
              .then((record) => onStarted?.(record.runId))
              .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              .finally(() => setBusy(false));
          }}
        >
          <PlayIcon size={14} /> {run ? 'Run again' : label}
        </button>
      )}
      {error && (
        <div className="demo-start-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
