import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NotePageView, RenderedNoteView } from '@contract';
import { FIND_MARK_CLASS, markFirstMatch } from './find-in-note';
import { streamNoteRest, type NoteStream } from './note-stream';
import { scrollIntoPlace } from './scroll-into-place';
import { activateNoteLink } from './link-actions';
import { supplyLinkTooltips } from './link-tooltips';
import { HoverPreview, type PreviewRequest } from './hover-preview';
import { sanitizeNoteFragment } from '../../ui/sanitize-note';
import { copyWithTex } from './math-copy';
import { enableTaskCheckboxes, useTaskCheckboxes } from './use-task-checkboxes';
import { tearDownInSlices, type OldBody } from './body-teardown';
import { drawMermaidBlocks, revealMermaidCode } from './mermaid-diagrams';

interface NoteBodyProps {
  path: string;
  html: string;
  /** The note is being read: the body of the last one goes, nothing is shown yet. */
  pending?: boolean;
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
  /** A long note: where the rest of it streams from (`html` is its first screen). */
  rest?: RenderedNoteView['rest'];
  /** The whole of a long note is in the body: its outline and problems. */
  onComplete?: (page: NotePageView) => void;
}

const HOVER_DELAY_MS = 350;

/** True when a heading says the same as the note's name (case, spaces and punctuation aside). */
function sameTitle(heading: string, title: string): boolean {
  const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return fold(heading) === fold(title);
}
const HUGE_HTML = 150_000;

/** Wires what the note HTML cannot carry itself: PDF frames, task boxes, mermaid diagrams. */
function wireElements(elements: Iterable<Element>): void {
  drawMermaidBlocks(elements);
  for (const element of elements) {
    const holders = element.matches('.embed-pdf[data-src]') ? [element] : element.querySelectorAll('.embed-pdf[data-src]');
    holders.forEach((holder) => {
      // PDFs are shown by the browser's viewer in a frame the app creates itself (never from note HTML).
      const frame = document.createElement('iframe');
      frame.className = 'embed-pdf-frame';
      frame.src = (holder as HTMLElement).dataset.src ?? '';
      frame.title = holder.textContent ?? 'PDF';
      holder.append(frame);
    });
    if (element instanceof HTMLElement) enableTaskCheckboxes(element);
  }
}

/** Scrolls the reader to the element with id `anchor` and flashes it; false when it is not (yet) in the body. */
function scrollToAnchor(body: HTMLElement, scroller: HTMLElement, anchor: string): boolean {
  const target = body.querySelector<HTMLElement>(`#${CSS.escape(anchor)}`);
  if (!target) return false;
  if (target.classList.contains('is-title-duplicate')) {
    scroller.scrollTop = 0;
    return true;
  }
  scrollIntoPlace(scroller, target, 12);
  target.classList.remove('is-flashing');
  void target.offsetWidth;
  target.classList.add('is-flashing');
  return true;
}

function newBody(host: HTMLElement): HTMLDivElement {
  const body = document.createElement('div');
  body.className = 'note-body note-content';
  host.append(body);
  return body;
}

/**
 * The rendered note: sanitized again, inserted into a `.note-body` element, with link clicks
 * and hover previews wired by event delegation. Re-renders keep the scroll position. The
 * element is the component's own (not React's): when a huge note gives way to another, it is
 * taken out of the page in slices (`body-teardown.ts`) while the next one shows in a new one.
 */
export function NoteBody({ path, html, pending = false, title, mtimeMs, find, anchor, anchorSeq, scrollContainer, onError, rest, onComplete }: NoteBodyProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  /** Old bodies of huge notes, hidden, taken out once the note shown now is complete. */
  const oldBodies = useRef(new Set<OldBody>());
  const lastPath = useRef<string>('');
  const [preview, setPreview] = useState<PreviewRequest>();
  const hoverTimer = useRef<number>(undefined);
  const leaveTimer = useRef<number>(undefined);
  const onTaskClick = useTaskCheckboxes(path, mtimeMs);
  const scrolledFor = useRef('');
  const stream = useRef<NoteStream | null>(null);
  /** A heading link waiting for its heading to stream in. */
  const waitingAnchor = useRef('');
  /** Bumped when a long note is complete, so find and heading links look again. */
  const [completeSeq, setCompleteSeq] = useState(0);
  const restStream = rest?.stream;
  const restFrom = rest?.from ?? 0;

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const scroller = scrollContainer.current;
    const samePath = lastPath.current === path;
    const keep = samePath && scroller ? scroller.scrollTop : 0;
    let body = bodyRef.current;
    // A huge note's body leaves in slices; a small one at once (nothing shows while the next is read).
    if (body && (pending || body.classList.contains('is-huge'))) {
      if (body.classList.contains('is-huge')) {
        const leaving = oldBodies.current;
        const old = tearDownInSlices(body, () => leaving.delete(old));
        leaving.add(old);
      } else body.remove();
      body = bodyRef.current = null;
    }
    if (pending) return;
    body ??= bodyRef.current = newBody(host);
    body.dataset.notePath = path;
    // Huge notes: the browser only lays out what is on screen (content-visibility in the CSS).
    body.classList.toggle('is-huge', html.length > HUGE_HTML || Boolean(restStream));
    // The sanitizer's own nodes go in: no HTML string written out and parsed a second time.
    body.replaceChildren(sanitizeNoteFragment(html));
    const markTitle = () => {
      const first = body.firstElementChild;
      if (first?.tagName === 'H1' && sameTitle(first.textContent ?? '', title)) first.classList.add('is-title-duplicate');
    };
    wireElements(body.children);
    markTitle();
    // Setting scrollTop lays the page out at once: not for the first note, which starts at the top
    // (on a cold start that forced layout of the whole shell took 100+ ms inside this effect).
    if (scroller && lastPath.current) scroller.scrollTop = keep;
    lastPath.current = path;
    const complete = () => {
      if (!oldBodies.current.size) return;
      // After the frame that shows it.
      requestAnimationFrame(() => setTimeout(() => oldBodies.current.forEach((old) => old.start()), 0));
    };
    if (!restStream) {
      body.removeAttribute('aria-busy');
      complete();
      return;
    }
    // The rest of a long note streams in; annotations and find wait for the whole text (aria-busy).
    body.setAttribute('aria-busy', 'true');
    const streaming = streamNoteRest(body, { stream: restStream, from: restFrom }, {
      onInserted: (elements, first) => {
        wireElements(elements);
        if (first) markTitle();
        if (waitingAnchor.current && scroller && scrollToAnchor(body, scroller, waitingAnchor.current)) waitingAnchor.current = '';
      },
      onDone: (page) => {
        body.removeAttribute('aria-busy');
        complete();
        onComplete?.(page);
        setCompleteSeq((seq) => seq + 1);
      },
      onError: (message) => {
        body.removeAttribute('aria-busy');
        complete();
        onError(message);
      },
    });
    stream.current = streaming;
    return () => {
      streaming.dispose();
      if (stream.current === streaming) stream.current = null;
    };
  }, [html, pending, path, title, scrollContainer, restStream, restFrom, onComplete, onError]);

  useEffect(() => {
    const leaving = oldBodies.current;
    return () => {
      for (const old of leaving) old.stop();
    };
  }, []);

  useEffect(() => {
    const body = bodyRef.current;
    const scroller = scrollContainer.current;
    if (!body || !scroller || !find) return;
    body.querySelectorAll(`mark.${FIND_MARK_CLASS}`).forEach((old) => old.replaceWith(...old.childNodes));
    const mark = markFirstMatch(body, find);
    if (mark) revealMermaidCode(mark);
    // Not in what is shown yet: bring the rest of a long note in at once (the effect runs again when it is complete).
    if (!mark) stream.current?.hurry();
    // Scroll once per navigation; a re-render (the file changed on disk) only marks the match again.
    const visit = `${path}#${anchorSeq}`;
    if (!mark || scrolledFor.current === visit) return;
    scrolledFor.current = visit;
    scrollIntoPlace(scroller, mark, scroller.clientHeight / 3);
  }, [find, anchorSeq, html, path, scrollContainer, completeSeq]);

  useEffect(() => {
    const body = bodyRef.current;
    const scroller = scrollContainer.current;
    if (!body || !scroller) return;
    waitingAnchor.current = '';
    if (!anchor || scrollToAnchor(body, scroller, anchor) || !stream.current) return;
    // A heading further down a long note: insert the rest at once and scroll when it arrives.
    waitingAnchor.current = anchor;
    stream.current.hurry();
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
      window.clearTimeout(hoverTimer.current);
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

  // Formulas copy as their TeX source (`$O(n^2)$`), not as MathML's glyphs run together.
  const onCopy = useCallback((event: React.ClipboardEvent) => copyWithTex(event.nativeEvent), []);

  // Links to missing notes get their tooltip on hover and focus, here and in hover previews.
  useEffect(() => supplyLinkTooltips(document), []);

  useEffect(() => () => {
    window.clearTimeout(hoverTimer.current);
    window.clearTimeout(leaveTimer.current);
  }, []);

  // Another note (the component stays for the next one): no preview of the last one's links.
  useEffect(() => {
    window.clearTimeout(hoverTimer.current);
    window.clearTimeout(leaveTimer.current);
    setPreview(undefined);
  }, [path]);

  return (
    <>
      <div ref={hostRef} className="note-body-host" onClick={onClick} onMouseOver={onMouseOver} onMouseOut={onMouseOut} onCopy={onCopy} />
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
