import { useEffect, useRef, useState } from 'react';
import { getApi, useQuery } from '../../api';
import { RunButton } from './run-button';
import { RunView } from './run-view';
import { cleanUpRun, rememberRun, useLatestRunId, useRun, type LiveRun } from './runs-store';
import { useNoteSaysOtherwise } from './use-note-says-otherwise';
import { formatDuration, StatusIcon, statusLabel } from './status-icons';

/** The Run card a ```berth-demo <id>``` block becomes inside a note. */
export function DemoCard({ demoId, caption }: { demoId: string; caption: string }) {
  const list = useQuery('demos.list', {});
  const history = useQuery('demos.listRuns', { demoId, limit: 1 }, { invalidateOn: ['demos.history', 'engines.changed'] });
  const latestId = useLatestRunId(demoId);
  const [shownId, setShownId] = useState<string>();
  // A new run of this demo (from here, the pane, or a shortcut) takes over from a history pick.
  useEffect(() => setShownId(undefined), [latestId]);
  const run = useRun(shownId ?? latestId);
  const noteSaysOtherwise = useNoteSaysOtherwise(demoId);
  // Leaving the note ends a step-through run that waits: its objects are cleaned up.
  const current = useRef<LiveRun | undefined>(undefined);
  current.current = run;
  useEffect(
    () => () => {
      const left = current.current;
      if (left?.stepThrough && left.waitingFor) void cleanUpRun(left.runId).catch(() => undefined);
    },
    [],
  );
  const demo = list.data?.demos.find((d) => d.id === demoId);
  const last = history.data?.runs[0];

  if (list.data && !demo) {
    return (
      <div className="demo-card is-unknown" role="note">
        <div className="demo-card-kicker">Demo</div>
        <strong>There is no demo called “{demoId}”.</strong>
        <p className="muted">Check the id in the berth-demo block; the Demos pane lists every demo.</p>
      </div>
    );
  }

  return (
    <div className="demo-card" data-demo={demoId} aria-label={`Demo: ${demo?.title ?? demoId}`} role="group">
      <div className="demo-card-top">
        <div className="demo-card-text">
          <div className="demo-card-kicker">
            <span className="demo-kicker-pill">Demo</span>
            {demo && <span>{demo.topic}</span>}
            {demo && <span>· {demo.stepCount} steps</span>}
            {demo?.requires && <span>· needs docker {demo.requires}</span>}
          </div>
          <div className="demo-card-title">{demo?.title ?? demoId}</div>
          {caption && <p className="demo-card-caption">{caption}</p>}
          {demo && !caption && <p className="demo-card-caption">{demo.summary}</p>}
        </div>
        <RunButton demoId={demoId} run={run} />
      </div>
      {!run && last && (
        <button
          type="button"
          className="demo-last-run"
          onClick={() => {
            void getApi()
              .call('demos.getRun', { runId: last.runId })
              .then((record) => {
                rememberRun(record);
                setShownId(record.runId);
              });
          }}
        >
          <StatusIcon status={last.status} size={14} /> Last run {statusLabel(last.status).toLowerCase()} {new Date(last.startedAt).toLocaleString()}
          {last.durationMs !== undefined ? ` in ${formatDuration(last.durationMs)}` : ''} — show it
        </button>
      )}
      {run && <RunView run={run} compact {...(noteSaysOtherwise ? { noteSaysOtherwise } : {})} />}
    </div>
  );
}
