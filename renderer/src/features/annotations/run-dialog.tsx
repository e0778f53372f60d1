import { useEffect, useRef } from 'react';
import { useQuery } from '../../api';

/** A demo run opened from an annotation's evidence: its steps, output, checks and events. */
export function RunDialog({ runId, onClose }: { runId: string; onClose: () => void }) {
  const run = useQuery('demos.getRun', { runId });
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const record = run.data;
  return (
    <div className="annotation-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="annotation-run-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Demo run"
        tabIndex={-1}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <strong>{record?.title ?? 'Demo run'}</strong>
          {record && <span className={`badge run-${record.status}`}>{record.status}</span>}
          <span className="faint small mono">{runId}</span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
            Close
          </button>
        </header>
        {run.error && <div className="inline-alert tone-danger">{run.error.message}</div>}
        {record && (
          <div className="run-body">
            <p className="muted small">
              {new Date(record.startedAt).toLocaleString()}
              {record.durationMs !== undefined && ` · ${(record.durationMs / 1000).toFixed(1)} s`}
              {record.reason && ` · ${record.reason}`}
            </p>
            {record.steps.map((step) => (
              <section key={step.index} className={`run-step step-${step.status}`}>
                <div className="run-step-title">
                  {step.index + 1}. {step.title} <span className="faint small">{step.status}</span>
                </div>
                <pre className="mono">
                  <span className="faint">$ </span>
                  {step.cli}
                  {step.output.length > 0 && `\n${step.output.map((o) => o.text).join('').trimEnd()}`}
                </pre>
                {step.expectations.map((check) => (
                  <div key={check.label} className={check.passed ? 'check-ok' : 'check-bad'}>
                    {check.passed ? '✓' : '✗'} {check.label} <span className="faint">— {check.actual}</span>
                  </div>
                ))}
              </section>
            ))}
            {record.events.length > 0 && (
              <section className="run-step">
                <div className="run-step-title">Docker events</div>
                <pre className="mono">{record.events.map((e) => `${e.type} ${e.action} ${e.name}`).join('\n')}</pre>
              </section>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
