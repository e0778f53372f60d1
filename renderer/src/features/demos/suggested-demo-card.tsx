import { useState } from 'react';
import { useQuery } from '../../api';
import { CloseIcon } from '../../ui/icons';
import { dispatchSuggestionAction } from '../../ui/suggestion-events';
import { RunButton } from './run-button';
import { RunView } from './run-view';
import { useLatestRunId, useRun } from './runs-store';
import { useNoteSaysOtherwise } from './use-note-says-otherwise';
import './suggested-demo-card.css';

interface SuggestedDemoCardProps {
  demoId: string;
  /** The placeholder the card lives in; its Add / Dismiss buttons dispatch from there. */
  holder: HTMLElement;
  /** `section`: under a heading, with Add to note and Dismiss; `flag`: inside a claim's popover. */
  variant: 'section' | 'flag';
  why: string;
}

/** Text with `backticks` shown as inline code, the way the catalogue writes commands. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part));
}

/**
 * The compact "Prove it" card for a demo Berth suggests beside a note (it is not in the file):
 * title, one line of summary, why it was suggested, Run — the run shows inline like any Run card.
 */
export function SuggestedDemoCard({ demoId, holder, variant, why }: SuggestedDemoCardProps) {
  const list = useQuery('demos.list', {});
  const latestId = useLatestRunId(demoId);
  const demo = list.data?.demos.find((d) => d.id === demoId);
  // Under a heading the card shows the demo's latest run, like any Run card; in a claim's popover
  // only a run started from there, so the popover opens small.
  const [latestAtOpen] = useState(latestId);
  const run = useRun(variant === 'flag' && latestId === latestAtOpen ? undefined : latestId);
  const noteSaysOtherwise = useNoteSaysOtherwise(demoId);
  const title = demo?.title ?? demoId;

  if (list.data && !demo) return null;
  return (
    <div
      className={`demo-card is-suggested is-${variant}`}
      data-demo={demoId}
      role="group"
      aria-label={`${variant === 'flag' ? 'Demo' : 'Suggested demo'}: ${title}`}
    >
      {variant === 'section' && (
        <div className="suggested-head">
          <span className="demo-kicker-pill suggested-pill">Prove it</span>
          <span className="suggested-source">Suggested by Berth · not in your note</span>
          <button
            type="button"
            className="icon-btn suggested-dismiss"
            aria-label={`Dismiss suggestion: ${title}`}
            title="Don’t suggest this here again"
            onClick={() => dispatchSuggestionAction(holder, { action: 'dismiss', demoId })}
          >
            <CloseIcon size={13} />
          </button>
        </div>
      )}
      <div className="suggested-body">
        <div className="suggested-text">
          <div className="demo-card-title">{title}</div>
          {demo && (
            <p className="suggested-summary" title={demo.summary.replaceAll('`', '')}>
              {withCode(demo.summary)}
            </p>
          )}
          {why && variant === 'section' && <p className="suggested-why">{why}</p>}
        </div>
        <div className="suggested-actions">
          <RunButton
            demoId={demoId}
            run={run}
            label={variant === 'flag' ? 'Run the demo' : 'Run demo'}
          />
          {variant === 'section' && (
            <button
              type="button"
              className="btn btn-sm btn-ghost suggested-add"
              onClick={() => dispatchSuggestionAction(holder, { action: 'add', demoId })}
            >
              + Add to note
            </button>
          )}
        </div>
      </div>
      {run && <RunView run={run} compact {...(noteSaysOtherwise ? { noteSaysOtherwise } : {})} />}
    </div>
  );
}
