import type { LiveRun } from './runs-store';
import { formatDuration, StatusIcon, statusLabel } from './status-icons';
import { StepView } from './step-view';

const KIND_LABEL = { container: 'containers', volume: 'volumes', network: 'networks', image: 'images' } as const;

/** Everything a run created, as chips; the lifecycle view highlights the same names (label berth.run). */
function Resources({ run }: { run: LiveRun }) {
  const kinds = (Object.keys(KIND_LABEL) as (keyof typeof KIND_LABEL)[]).filter((k) => run.resources[k].length);
  if (!kinds.length) return null;
  const short = (name: string) => name.replace(`berth-demo-${run.runId}-`, '').replace(`berth-${run.runId}-`, '');
  return (
    <div className="demo-resources" aria-label="Created by this run">
      {kinds.map((kind) => (
        <div key={kind} className="demo-resource-group">
          <span className="demo-resource-kind">{KIND_LABEL[kind]}</span>
          {run.resources[kind].map((name) => (
            <span key={name} className={`demo-chip kind-${kind}`} title={name} data-resource={name}>
              {short(name).length > 24 ? `${short(name).slice(0, 12)}…` : short(name)}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}

/** A run: header with status and timing, its steps with output and checks, cleanup and resources. */
export function RunView({ run, compact }: { run: LiveRun; compact?: boolean }) {
  const active = run.status === 'running' || run.status === 'queued';
  const passed = run.steps.filter((s) => s.status === 'passed').length;
  return (
    <section className={`demo-run is-${run.status}`} aria-label={`Run ${run.runId}`} data-run-id={run.runId} data-status={run.status}>
      <header className="demo-run-head">
        <StatusIcon status={run.status} size={18} />
        <strong className="demo-run-status">{statusLabel(run.status)}</strong>
        <span className="demo-run-meta">
          {passed}/{run.steps.length} steps{run.durationMs !== undefined && !active ? ` · ${formatDuration(run.durationMs)}` : ''} · {new Date(run.startedAt).toLocaleTimeString()}
        </span>
      </header>
      {run.reason && !active && <div className={`demo-run-reason tone-${run.status === 'skipped' ? 'warn' : 'danger'}`}>{run.reason}</div>}
      {active && run.image && run.image.fraction !== 1 && (
        <div className="demo-image-progress" role="progressbar" aria-label="Preparing the demo image" aria-valuenow={Math.round((run.image.fraction ?? 0) * 100)}>
          <span>{run.image.message}</span>
          <div className="demo-progress-track">
            <div className="demo-progress-bar" style={{ width: `${Math.round((run.image.fraction ?? 0.05) * 100)}%` }} />
          </div>
        </div>
      )}
      <ol className="demo-steps">
        {run.steps.map((step) => (
          <StepView key={step.index} step={step} compact={compact ?? false} />
        ))}
      </ol>
      <Resources run={run} />
      <footer className="demo-run-foot">
        {run.baseImage && (
          <span title={run.baseImage.message}>
            image <code>{run.baseImage.image.split('@')[0]}</code>
            {run.baseImage.source.startsWith('fallback') ? ' (local fallback)' : ''}
          </span>
        )}
        {run.events.length > 0 && <span>{run.events.length} Docker events</span>}
        {run.cleanup && <span className={`demo-cleanup is-${run.cleanup.status}`}>cleanup: {run.cleanup.message}</span>}
      </footer>
    </section>
  );
}
