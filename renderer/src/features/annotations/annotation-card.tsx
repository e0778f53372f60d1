import { useEffect, useRef, useState } from 'react';
import type { Annotation, Placement } from '@contract';
import { getApi } from '../../api';
import { CommentEditor } from './comment-editor';
import { CommentView } from './comment-view';
import { currentNote } from './current-note';

function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

function noteName(notePath: string): string {
  return notePath.replace(/\.md$/i, '').split('/').pop() ?? notePath;
}

/** Asks the demos feature to open a run (it listens for this event). */
function openRun(runId: string): void {
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
        <button type="button" className={`annotation-evidence result-${annotation.evidence.result}`} onClick={() => annotation.evidence && openRun(annotation.evidence.runId)} title="Open this demo run">
          <span className="evidence-head">
            <strong>{annotation.evidence.title ?? annotation.evidence.demoId ?? 'Demo run'}</strong>
            <span className="badge">{annotation.evidence.result}</span>
          </span>
          {annotation.evidence.lines.slice(0, 4).map((line, i) => (
            <code key={i}>{line}</code>
          ))}
        </button>
      )}
      {(annotation.tags.length > 0 || !editing) && (
        <footer className="annotation-card-footer">
          <span className="annotation-tags">
            {annotation.tags.map((tag) => (
              <span key={tag} className="tag">
                #{tag}
              </span>
            ))}
          </span>
          {!editing && (
            <span className="annotation-actions">
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => void remove()}>
                Delete
              </button>
            </span>
          )}
        </footer>
      )}
    </article>
  );
}
