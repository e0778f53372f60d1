import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { HighlightColor } from '@contract';
import { HIGHLIGHT_COLORS, isShortcut } from './colors';
import { CommentEditor } from './comment-editor';
import { currentNote, useCurrentNote } from './current-note';
import { useNoteAnnotator, type PendingSelection } from './use-note-annotator';
import './annotations.css';

const TOOLBAR_HEIGHT = 40;

function toolbarPosition(rect: PendingSelection['rect']): { top: number; left: number } {
  const above = rect.top - TOOLBAR_HEIGHT - 8;
  return { top: above > 8 ? above : rect.bottom + 8, left: Math.max(8, Math.min(window.innerWidth - 260, rect.left + rect.width / 2 - 120)) };
}

/**
 * Annotations on the open note: paints highlights into the reader's `.note-body`, offers a
 * toolbar on selection (highlight in a colour, or comment), and the shortcuts Ctrl/⌘+Shift+H
 * (highlight) and Ctrl/⌘+Shift+M (comment). Mounted by the notes reader next to the note body.
 */
export function NoteAnnotator({ notePath, body }: { notePath: string; body: HTMLElement | null }) {
  const { selection, captureSelection, error, create, dismissError, clearSelection } = useNoteAnnotator(notePath, body);
  const [composing, setComposing] = useState<PendingSelection | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const { focusedId, focusSeq, focusSource } = useCurrentNote();

  const highlight = (color: HighlightColor) => {
    setLastColor(color);
    void create({ color });
  };

  // Keyboard: annotate the selection without the mouse.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event, 'h') && !isShortcut(event, 'm')) return;
      const current = captureSelection();
      if (!current) return;
      event.preventDefault();
      if (isShortcut(event, 'h')) void create({ color: lastColor, start: current.start, end: current.end });
      else setComposing(current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [captureSelection, create, lastColor]);

  // A click on a highlight points the side panel at its card.
  useEffect(() => {
    if (!body) return;
    const onClick = (event: MouseEvent) => {
      const mark = (event.target as HTMLElement | null)?.closest<HTMLElement>('mark.annotation-mark');
      if (mark?.dataset.annotationId && document.getSelection()?.isCollapsed !== false) currentNote.focus(mark.dataset.annotationId, 'note');
    };
    body.addEventListener('click', onClick);
    return () => body.removeEventListener('click', onClick);
  }, [body]);

  // A click on a card scrolls its highlight into view and flashes it.
  useEffect(() => {
    if (!body || !focusedId || focusSource !== 'panel') return;
    const marks = body.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(focusedId)}"]`);
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const mark of marks) {
      mark.classList.remove('flash');
      void mark.offsetWidth;
      mark.classList.add('flash');
    }
  }, [body, focusedId, focusSeq, focusSource]);

  const toolbar = selection && !composing && (
    <div className="annotation-toolbar" data-annotation-ui role="toolbar" aria-label="Annotate selection" style={toolbarPosition(selection.rect)} onMouseDown={(e) => e.preventDefault()}>
      {HIGHLIGHT_COLORS.map((c) => (
        <button key={c.id} type="button" className={`swatch swatch-${c.id}`} aria-label={`Highlight ${c.label.toLowerCase()}`} title={`Highlight ${c.label.toLowerCase()}${c.id === lastColor ? ' (Ctrl+Shift+H)' : ''}`} onClick={() => highlight(c.id)} />
      ))}
      <span className="toolbar-divider" />
      <button type="button" className="toolbar-btn" title="Comment (Ctrl+Shift+M)" onClick={() => setComposing(selection)}>
        <CommentIcon /> Comment
      </button>
    </div>
  );

  const composer = composing && (
    <div className="annotation-popover" data-annotation-ui role="dialog" aria-label="New comment" style={{ top: Math.min(window.innerHeight - 320, composing.rect.bottom + 10), left: Math.max(8, Math.min(window.innerWidth - 380, composing.rect.left)) }}>
      <blockquote className="annotation-quote">{composing.quote.length > 220 ? `${composing.quote.slice(0, 220)}…` : composing.quote}</blockquote>
      <CommentEditor
        notePath={notePath}
        initial={{ color: lastColor, comment: '', tags: [] }}
        saveLabel="Add comment"
        onCancel={() => setComposing(null)}
        onSave={(draft) => {
          setLastColor(draft.color);
          void create({ ...draft, start: composing.start, end: composing.end }).then((created) => {
            if (created) {
              setComposing(null);
              clearSelection();
              currentNote.focus(created.id, 'note');
            }
          });
        }}
      />
    </div>
  );

  const problem = error && (
    <div className="annotation-error" data-annotation-ui role="alert">
      <span>{error}</span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={dismissError}>
        Dismiss
      </button>
    </div>
  );

  return createPortal(
    <>
      {toolbar}
      {composer}
      {problem}
    </>,
    document.body,
  );
}

function CommentIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M5 5h14a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-7l-5 4v-4H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z" />
    </svg>
  );
}
