import { useEffect, useRef, useState } from 'react';
import type { Annotation, Placement } from '@contract';
import { getApi } from '../../api';
import { AttachRunMenu } from './attach-run-menu';
import { CommentEditor } from './comment-editor';
import { CommentView } from './comment-view';
import { currentNote } from './current-note';
import { RunDialog } from './run-dialog';

function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function noteName(notePath: string): string {
  return notePath.replace(/\.md$/i, '').split('/').pop() ?? notePath;
}

/** Tells other features (e.g. demos) that a run was opened from an annotation. */
function announceRun(runId: string): void {
  window.dispatchEvent(new CustomEvent('berth:open-demo-run', { detail: { runId } }));
}

/** One annotation in the side panel: its quote, comment, tags, evidence and actions. */
export function AnnotationCard({
  annotation,
  placement,
  showNote,
  focused,
  onDeleted,
  onError,
}: {
  annotation: Annotation;
  placement: Placement | undefined;
  showNote: boolean;
  focused: boolean;
  onDeleted: (removed: Annotation) => void;
  onError: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const [openRunId, setOpenRunId] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  const orphaned = placement ? placement.status === 'orphaned' : annotation.anchor.status === 'orphaned';
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [focused]);

  const remove = async () => {
    try {
      const { removed } = await getApi().call('annotations.remove', { id: annotation.id });
      onDeleted(removed);
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <article
      ref={ref}
      className={`annotation-card card-${annotation.color}${focused ? ' focused' : ''}${orphaned ? ' orphaned' : ''}`}
      data-annotation-id={annotation.id}
      aria-label={`Annotation: ${annotation.target.quote.exact.slice(0, 60)}`}
    >
      <header className="annotation-card-header">
        <span className="annotation-place" title={annotation.notePath}>
          {showNote && <span className="annotation-note">{noteName(annotation.notePath)}</span>}
          {showNote && annotation.target.heading && <span className="faint"> › </span>}
          {annotation.target.heading ?? (showNote ? '' : 'Top of note')}
        </span>
        {orphaned && (
          <span className="badge badge-warn" title="The quoted text was not found in the note any more. The annotation is kept with its quote.">
            orphaned
          </span>
        )}
        <time className="faint small" dateTime={new Date(annotation.createdAt).toISOString()}>
          {formatDate(annotation.createdAt)}
        </time>
        {!editing && (
          <span className="annotation-actions">
            <button type="button" className="icon-action" onClick={() => setEditing(true)} aria-label="Edit" title="Edit colour, comment and tags">
              <PenIcon />
            </button>
            <button type="button" className="icon-action" onClick={() => setAttaching((v) => !v)} aria-label="Attach demo run" title="Attach a demo run as evidence">
              <FlaskIcon />
            </button>
            <button type="button" className="icon-action danger" onClick={() => void remove()} aria-label="Delete" title="Delete (you can undo)">
              <TrashIcon />
            </button>
          </span>
        )}
      </header>
      <blockquote
        className="annotation-quote"
        role={orphaned ? undefined : 'button'}
        tabIndex={orphaned ? undefined : 0}
        title={orphaned ? undefined : 'Show in the note'}
        onClick={() => !orphaned && currentNote.focus(annotation.id, 'panel')}
        onKeyDown={(e) => e.key === 'Enter' && !orphaned && currentNote.focus(annotation.id, 'panel')}
      >
        {annotation.target.quote.exact}
      </blockquote>
      {editing ? (
        <CommentEditor
          notePath={annotation.notePath}
          initial={{ color: annotation.color, comment: annotation.comment, tags: annotation.tags }}
          saveLabel="Save"
          onCancel={() => setEditing(false)}
          onSave={(draft) => {
            getApi()
              .call('annotations.update', { id: annotation.id, ...draft })
              .then(
                () => setEditing(false),
                (err: unknown) => onError(err instanceof Error ? err.message : String(err)),
              );
          }}
        />
      ) : (
        annotation.comment.trim() && <CommentView notePath={annotation.notePath} markdown={annotation.comment} />
      )}
      {annotation.evidence && (
        <button
          type="button"
          className={`annotation-evidence result-${annotation.evidence.result}`}
          title="Open this demo run"
          onClick={() => {
            if (!annotation.evidence) return;
            announceRun(annotation.evidence.runId);
            setOpenRunId(annotation.evidence.runId);
          }}
        >
          <span className="evidence-head">
            <strong>{annotation.evidence.title ?? annotation.evidence.demoId ?? 'Demo run'}</strong>
            <span className="badge">{annotation.evidence.result}</span>
          </span>
          {annotation.evidence.lines.slice(0, 4).map((line, i) => (
            <code key={i}>{line}</code>
          ))}
        </button>
      )}
      {attaching && <AttachRunMenu annotation={annotation} onDone={() => setAttaching(false)} onError={onError} />}
      {annotation.tags.length > 0 && !editing && (
        <footer className="annotation-tags">
          {annotation.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </footer>
      )}
      {openRunId && <RunDialog runId={openRunId} onClose={() => setOpenRunId(null)} />}
    </article>
  );
}

const iconProps = { width: 14, height: 14, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.9, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, 'aria-hidden': true };

function PenIcon() {
  return (
    <svg {...iconProps}>
      <path d="M4 20h4L19 9l-4-4L4 16v4z" />
      <path d="m13.5 6.5 4 4" />
    </svg>
  );
}

function FlaskIcon() {
  return (
    <svg {...iconProps}>
      <path d="M9 3h6M10 3v6L4.5 19a1.5 1.5 0 0 0 1.3 2h12.4a1.5 1.5 0 0 0 1.3-2L14 9V3" />
      <path d="M7 15h10" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg {...iconProps}>
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
    </svg>
  );
}
