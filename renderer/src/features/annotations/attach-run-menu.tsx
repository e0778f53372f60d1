import { useState } from 'react';
import type { Annotation } from '@contract';
import { getApi, useQuery } from '../../api';
import { evidenceFromRun } from './evidence';

/** Lists recent demo runs; picking one attaches it to the annotation as evidence. */
export function AttachRunMenu({ annotation, onDone, onError }: { annotation: Annotation; onDone: () => void; onError: (message: string) => void }) {
  const runs = useQuery('demos.listRuns', { limit: 12 }, { invalidateOn: ['demos.history', 'engines.changed'] });
  const [busy, setBusy] = useState(false);
  const attach = async (runId: string) => {
    setBusy(true);
    try {
      const record = await getApi().call('demos.getRun', { runId });
      await getApi().call('annotations.update', { id: annotation.id, evidence: evidenceFromRun(record) });
      onDone();
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const list = runs.data?.runs ?? [];
  return (
    <div className="attach-run-menu" role="menu" aria-label="Attach a demo run" aria-busy={busy}>
      <div className="attach-run-title">
        <span>Attach a demo run as evidence</span>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
          Cancel
        </button>
      </div>
      {runs.error && <div className="muted small">{runs.error.message}</div>}
      {!runs.error && runs.data && !list.length && <div className="muted small">No demo runs yet. Run a demo from the Demos tab first.</div>}
      {list.map((run) => (
        <button key={run.runId} type="button" role="menuitem" className="attach-run-item" disabled={busy} onClick={() => void attach(run.runId)}>
          <span>{run.title}</span>
          <span className={`badge run-${run.status}`}>{run.status}</span>
          <span className="faint small">{new Date(run.startedAt).toLocaleString()}</span>
        </button>
      ))}
    </div>
  );
}
