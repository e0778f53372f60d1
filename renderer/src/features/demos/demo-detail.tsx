import { useEffect, useState } from 'react';
import type { DemoSummary } from '@contract';
import { getApi, useQuery } from '../../api';
import { RunButton } from './run-button';
import { RunView } from './run-view';
import { rememberRun, useLatestRunId, useRun } from './runs-store';
import { formatDuration, StatusIcon, statusLabel } from './status-icons';

/** One demo in the pane: what it proves, its steps, Run, the live run, and its history. */
export function DemoDetail({ demo, onBack }: { demo: DemoSummary; onBack: () => void }) {
  const latestId = useLatestRunId(demo.id);
  const [shownId, setShownId] = useState<string>();
  // A new run of this demo (from here, the pane, or a shortcut) takes over from a history pick.
  useEffect(() => setShownId(undefined), [latestId]);
  const run = useRun(shownId ?? latestId);
  const history = useQuery('demos.listRuns', { demoId: demo.id, limit: 20 }, { invalidateOn: ['demos.history', 'engines.changed'] });

  const open = (runId: string) => {
    void getApi()
      .call('demos.getRun', { runId })
      .then((record) => {
        rememberRun(record);
        setShownId(runId);
      });
  };

  return (
    <div className="demo-detail">
      <button type="button" className="demo-back" onClick={onBack}>
        ‹ All demos
      </button>
      <div className="demo-detail-head">
        <div>
          <div className="demo-card-kicker">
            <span className="demo-kicker-pill">{demo.topic}</span>
            <span>{demo.stepCount} steps</span>
          </div>
          <h3 className="demo-detail-title">{demo.title}</h3>
        </div>
        <RunButton demoId={demo.id} run={run} />
      </div>
      <p className="demo-detail-summary">{demo.summary}</p>
      <div className="demo-note-ref" title="The note this demo proves">
        <span className="muted">Proves</span> {demo.note.replace(/\.md$/, '')}
        {demo.heading ? <span className="muted"> › {demo.heading}</span> : null}
      </div>
      {run ? (
        <RunView run={run} />
      ) : (
        <ol className="demo-steps is-preview">
          {demo.steps.map((step, i) => (
            <li key={i} className="demo-step is-pending">
              <div className="demo-step-head">
                <StatusIcon status="pending" />
                <span className="demo-step-number">{i + 1}</span>
                <span className="demo-step-title">{step.title}</span>
              </div>
              {step.explain && <p className="demo-step-explain">{step.explain}</p>}
            </li>
          ))}
        </ol>
      )}
      {history.data && history.data.runs.length > 0 && (
        <div className="demo-history">
          <h4>Run history</h4>
          <ul>
            {history.data.runs.map((r) => (
              <li key={r.runId}>
                <button type="button" className={r.runId === run?.runId ? 'is-current' : undefined} onClick={() => open(r.runId)}>
                  <StatusIcon status={r.status} size={14} />
                  <span className="demo-history-status">{statusLabel(r.status)}</span>
                  <span className="demo-history-when">{new Date(r.startedAt).toLocaleString()}</span>
                  <span className="demo-history-steps">
                    {r.passedSteps}/{r.totalSteps}
                    {r.durationMs !== undefined ? ` · ${formatDuration(r.durationMs)}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
