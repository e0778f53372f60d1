import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FIND_MARK_CLASS, markFirstMatch } from './find-in-note';
import { activateNoteLink } from './link-actions';
import { HoverPreview, type PreviewRequest } from './hover-preview';
import { sanitizeNote } from './sanitize-note';
import { enableTaskCheckboxes, useTaskCheckboxes } from './use-task-checkboxes';

interface NoteBodyProps {
  path: string;
  html: string;
  /** The note's name: a first `# heading` equal to it is not shown twice (the reader shows the title). */
  title: string;
  /** When the file was read, so a ticked task is refused if the file changed since. */
  mtimeMs: number;
  /** Text to highlight and scroll to (from a search hit). */
  find?: string;
  /** Element id to scroll to after rendering, and a counter that makes the same id scroll again. */
  anchor?: string;
  anchorSeq: number;
  scrollContainer: React.RefObject<HTMLElement | null>;
  onError: (message: string) => void;
}

const HOVER_DELAY_MS = 350;

/** True when a heading says the same as the note's name (case, spaces and punctuation aside). */
function sameTitle(heading: string, title: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return fold(heading) === fold(title);
}
const HUGE_HTML = 150_000;

/**
 * The rendered note: sanitized again, inserted into a stable `.note-body` container, with link
 * clicks and hover previews wired by event delegation. Re-renders keep the scroll position.
 */
export function NoteBody({ path, html, title, mtimeMs, find, anchor, anchorSeq, scrollContainer, onError }: NoteBodyProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const lastPath = useRef<string>('');
  const [preview, setPreview] = useState<PreviewRequest>();
  const hoverTimer = useRef<number>(undefined);
  const leaveTimer = useRef<number>(undefined);
  const onTaskClick = useTaskCheckboxes(path, mtimeMs);
  const scrolledFor = useRef('');

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const scroller = scrollContainer.current;
    const samePath = lastPath.current === path;
    const keep = samePath && scroller ? scroller.scrollTop : 0;
    // Huge notes: the browser only lays out what is on screen (content-visibility in the CSS).
    body.classList.toggle('is-huge', html.length > HUGE_HTML);
    body.innerHTML = sanitizeNote(html);
    body.querySelectorAll<HTMLElement>('.embed-pdf[data-src]').forEach((holder) => {
      // PDFs are shown by the browser's viewer in a frame the app creates itself (never from note HTML).
      const frame = document.createElement('iframe');
      frame.className = 'embed-pdf-frame';
      frame.src = holder.dataset.src ?? '';
      frame.title = holder.textContent ?? 'PDF';
      holder.append(frame);
    });
    enableTaskCheckboxes(body);
    const first = body.firstElementChild;
    if (first?.tagName === 'H1' && sameTitle(first.textContent ?? '', title)) first.classList.add('is-title-duplicate');
    if (scroller) scroller.scrollTop = keep;
    lastPath.current = path;
  }, [html, path, title, scrollContainer]);

  useEffect(() => {
    const body = bodyRef.current;
    const scroller = scrollContainer.current;
    if (!body || !scroller || !find) return;
    body.querySelectorAll(`mark.${FIND_MARK_CLASS}`).forEach((old) => old.replaceWith(...old.childNodes));
    const mark = markFirstMatch(body, find);
    // Scroll once per navigation; a re-render (the file changed on disk) only marks the match again.
    const visit = `${path}#${anchorSeq}`;
    if (!mark || scrolledFor.current === visit) return;
    scrolledFor.current = visit;
    scroller.scrollTop = mark.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - scroller.clientHeight / 3;
  }, [find, anchorSeq, html, path, scrollContainer]);

  useEffect(() => {
    const body = bodyRef.current;
    const scroller = scrollContainer.current;
    if (!body || !scroller) return;
    if (!anchor) return;
    const target = body.querySelector<HTMLElement>(`#${CSS.escape(anchor)}`);
    if (!target) return;
    if (target.classList.contains('is-title-duplicate')) {
      scroller.scrollTop = 0;
      return;
    }
    scroller.scrollTop = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 12;
    target.classList.remove('is-flashing');
    void target.offsetWidth;
    target.classList.add('is-flashing');
  }, [anchor, anchorSeq, html, path, scrollContainer]);

  const onClick = useCallback(
    (event: React.MouseEvent) => {
      if (onTaskClick(event)) return;
      const link = (event.target as HTMLElement).closest<HTMLElement>('a');
      if (!link || !bodyRef.current?.contains(link)) return;
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#fn') || href.startsWith('#fnref')) {
        event.preventDefault();
        const target = bodyRef.current.querySelector<HTMLElement>(href);
        target?.scrollIntoView({ block: 'center' });
        return;
      }
      event.preventDefault();
      setPreview(undefined);
      void activateNoteLink(link, path).then((outcome) => {
        if (outcome && !outcome.ok) onError(outcome.message);
      });
    },
    [path, onError, onTaskClick],
  );

  const onMouseOver = useCallback((event: React.MouseEvent) => {
    const link = (event.target as HTMLElement).closest<HTMLElement>('a.internal-link[data-note-path]');
    if (!link) return;
    window.clearTimeout(hoverTimer.current);
    window.clearTimeout(leaveTimer.current);
    hoverTimer.current = window.setTimeout(() => {
      const rect = link.getBoundingClientRect();
      const notePath = link.dataset.notePath ?? '';
      setPreview({ path: notePath, ...(link.dataset.anchor ? { anchor: link.dataset.anchor } : {}), rect: { left: rect.left, top: rect.top, bottom: rect.bottom } });
    }, HOVER_DELAY_MS);
  }, []);

  const onMouseOut = useCallback((event: React.MouseEvent) => {
    const link = (event.target as HTMLElement).closest('a.internal-link');
    if (!link) return;
    window.clearTimeout(hoverTimer.current);
    leaveTimer.current = window.setTimeout(() => setPreview(undefined), 250);
  }, []);

  useEffect(() => () => {
    window.clearTimeout(hoverTimer.current);
    window.clearTimeout(leaveTimer.current);
  }, []);

  useEffect(() => setPreview(undefined), [path]);

  return (
    <>
      <div ref={bodyRef} className="note-body note-content" data-note-path={path} onClick={onClick} onMouseOver={onMouseOver} onMouseOut={onMouseOut} />
      {preview && (
        <HoverPreview
          key={`${preview.path}#${preview.anchor ?? ''}`}
          request={preview}
          onEnter={() => window.clearTimeout(leaveTimer.current)}
          onLeave={() => setPreview(undefined)}
        />
      )}
    </>
  );
}
