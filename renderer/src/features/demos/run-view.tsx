import { useRef, type KeyboardEvent } from 'react';
import { CopyScriptButton } from './copy-script-button';
import { advanceRun, isActive, type LiveRun } from './runs-store';
import { formatDuration, StatusIcon, statusLabel } from './status-icons';
import { StepControls } from './step-controls';
import { StepView } from './step-view';
import { useRunStepLink } from './use-run-step-link';
import './step-link.css';
import './step-through.css';

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

/**
 * What the verdict means, in words: "Passed" says Docker did what the demo expects, not that
 * the note around it is right. `noteSaysOtherwise` (from the claim check) says where they differ.
 */
function Verdict({ run, noteSaysOtherwise }: { run: LiveRun; noteSaysOtherwise?: string | undefined }) {
  const checks = run.steps.flatMap((s) => s.expectations);
  const failed = checks.filter((c) => !c.passed).length;
  if (run.status !== 'passed' && run.status !== 'failed') return null;
  return (
    <div className="demo-verdict-block">
      <p className={`demo-verdict is-${run.status}`}>
        {run.status === 'passed'
          ? `Docker behaved as this demo expects: all ${checks.length} checks held.`
          : `Docker did not behave as this demo expects: ${failed} of ${checks.length} checks failed.`}
      </p>
      {noteSaysOtherwise && (
        <div className="demo-note-conflict" role="note">
          <strong>This note says otherwise.</strong> {noteSaysOtherwise}
        </div>
      )}
    </div>
  );
}

const INTERACTIVE = 'button, input, select, textarea, a, [contenteditable="true"]';

/**
 * A run: header with status and timing, its steps with output and checks, cleanup and
 * resources. Step-through runs get Next step / Clean up, and Space or Enter in the run view
 * runs the next step.
 */
export function RunView({ run, compact, noteSaysOtherwise }: { run: LiveRun; compact?: boolean; noteSaysOtherwise?: string }) {
  const active = isActive(run);
  const passed = run.steps.filter((s) => s.status === 'passed').length;
  const section = useRef<HTMLElement>(null);
  const showInTimeline = useRunStepLink(run.runId, section);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (run.waitingFor !== 'step' || (event.key !== ' ' && event.key !== 'Enter')) return;
    if (event.target instanceof Element && event.target !== section.current && event.target.closest(INTERACTIVE)) return;
    event.preventDefault();
    void advanceRun(run.runId);
  };
  return (
    <section
      ref={section}
      className={`demo-run is-${run.status}${run.stepThrough ? ' is-step-through' : ''}`}
      aria-label={`Run ${run.runId}`}
      data-run-id={run.runId}
      data-status={run.status}
      {...(run.waitingFor ? { 'data-waiting': run.waitingFor } : {})}
      {...(run.stepThrough ? { tabIndex: 0, onKeyDown, 'aria-keyshortcuts': 'Space Enter' } : {})}
    >
      <header className="demo-run-head">
        <StatusIcon status={run.waitingFor === 'step' ? 'pending' : run.status} size={18} />
        <strong className="demo-run-status">
          {run.waitingFor === 'step' ? `Paused before step ${(run.nextStep ?? 0) + 1}` : statusLabel(run.status)}
          {run.waitingFor === 'cleanup' ? ' · waiting for Clean up' : ''}
        </strong>
        <span className="demo-run-meta">
          {passed}/{run.steps.length} steps{run.durationMs !== undefined && !active ? ` · ${formatDuration(run.durationMs)}` : ''} · {new Date(run.startedAt).toLocaleTimeString()}
        </span>
      </header>
      <Verdict run={run} noteSaysOtherwise={noteSaysOtherwise} />
      <StepControls run={run} onAdvanced={() => section.current?.focus({ preventScroll: true })} />
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
          <StepView key={step.index} step={step} compact={compact ?? false} next={run.waitingFor === 'step' && run.nextStep === step.index} onShowInTimeline={showInTimeline} />
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
        <CopyScriptButton demoId={run.demoId} />
      </footer>
    </section>
  );
}
