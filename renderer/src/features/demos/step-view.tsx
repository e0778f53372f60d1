import { useState } from 'react';
import type { DemoStepRecord } from '@contract';
import { TimelineIcon } from '../../ui/icons';
import { formatDuration, StatusIcon } from './status-icons';

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="demo-copy"
      title="Copy the command"
      aria-label="Copy the command"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true);
          window.setTimeout(() => setCopied(false), 1200);
        });
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

/**
 * One step of a run: status, title, the docker command, live output, and what was checked.
 * A step that ran has a button that shows its band on the timeline (`onShowInTimeline`).
 */
export function StepView({ step, compact, next, onShowInTimeline }: { step: DemoStepRecord; compact?: boolean; next?: boolean; onShowInTimeline?: (index: number) => void }) {
  const ran = step.status !== 'pending' && step.status !== 'skipped';
  const hasOutput = step.output.some((o) => o.text.trim());
  const showDetail = !compact || next || step.status === 'running' || step.status === 'failed';
  return (
    <li className={`demo-step is-${step.status}${next ? ' is-next' : ''}`} data-step={step.index} data-status={step.status} {...(next ? { 'aria-current': 'step' as const } : {})}>
      <div className="demo-step-head">
        <StatusIcon status={step.status} />
        <span className="demo-step-number">{step.index + 1}</span>
        <span className="demo-step-title">{step.title}</span>
        <span className="demo-step-time">{step.status === 'running' ? 'running…' : next ? 'next' : formatDuration(step.durationMs)}</span>
        {ran && onShowInTimeline && (
          <button type="button" className="demo-step-timeline" title="Show in the timeline" aria-label={`Show step ${step.index + 1} in the timeline`} onClick={() => onShowInTimeline(step.index)}>
            <TimelineIcon size={14} />
          </button>
        )}
      </div>
      {(step.status !== 'pending' || next) && step.status !== 'skipped' && (
        <div className="demo-step-body">
          {step.explain && showDetail && <p className="demo-step-explain">{step.explain}</p>}
          <div className="demo-cli">
            <span className="demo-cli-prompt" aria-hidden="true">
              $
            </span>
            <code>{step.cli}</code>
            <CopyButton text={step.cli} />
          </div>
          {hasOutput && !step.table && (
            <pre className="demo-output" aria-label={`Output of step ${step.index + 1}`}>
              {step.output.map((chunk, i) => (
                <span key={i} className={chunk.stream === 'stderr' ? 'is-stderr' : undefined}>
                  {chunk.text}
                </span>
              ))}
            </pre>
          )}
          {step.table && (
            <table className="demo-table">
              <thead>
                <tr>
                  {step.table.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {step.table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {step.expectations.length > 0 && (
            <ul className="demo-checks" aria-label="Checks">
              {step.expectations.map((e, i) => (
                <li key={i} className={e.passed ? 'is-ok' : 'is-bad'}>
                  <span className="demo-check-mark" aria-hidden="true">
                    {e.passed ? '✓' : '✗'}
                  </span>
                  <span className="demo-check-label">{e.label}</span>
                  <span className="demo-check-text">
                    expected {e.expected}
                    {!e.passed && (
                      <>
                        {' '}
                        — got <strong>{e.actual}</strong>
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {step.error && step.status === 'failed' && !step.expectations.some((e) => !e.passed) && <div className="demo-step-error">{step.error}</div>}
        </div>
      )}
    </li>
  );
}
