import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation, HighlightColor, Placement } from '@contract';
import { getApi, useQuery } from '../../api';
import { currentNote } from './current-note';
import { clearHighlights, paintHighlights } from './highlight-painter';
import { readTextModel, selectionOffsets, SKIP_SELECTOR } from './rendered-text';

/** The selection the toolbar acts on: offsets in the note's text and where to show the toolbar. */
export interface PendingSelection {
  start: number;
  end: number;
  rect: { top: number; left: number; bottom: number; width: number };
  quote: string;
}

/**
 * Keeps a rendered note's highlights in step with its annotations: re-anchors them whenever the
 * note's text changes (the reader re-rendered it after an edit on disk), paints them, and tracks
 * the user's selection for the toolbar.
 */
export function useNoteAnnotator(notePath: string, body: HTMLElement | null) {
  const list = useQuery('annotations.list', { notePath }, { invalidateOn: ['annotations.changed'] });
  const [placements, setPlacements] = useState<Placement[]>([]);
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const painting = useRef(false);
  const anchoredKey = useRef('');
  const placementsRef = useRef<Placement[]>([]);
  const annotations = list.data?.annotations;

  const repaint = useCallback(
    (items: Annotation[], current: Placement[]) => {
      if (!body) return;
      painting.current = true;
      clearHighlights(body);
      paintHighlights(body, current, new Map(items.map((a) => [a.id, a])));
      // Mutation records of our own painting are delivered after this task; skip them.
      queueMicrotask(() => (painting.current = false));
    },
    [body],
  );

  const sync = useCallback(async () => {
    // A long note still streaming in (the reader marks it busy): anchor once its whole text is there.
    if (!body || !annotations || body.getAttribute('aria-busy') === 'true') return;
    painting.current = true;
    clearHighlights(body);
    const model = readTextModel(body);
    queueMicrotask(() => (painting.current = false));
    const key = `${model.text.length}:${hash(model.text)}:${annotations.map((a) => `${a.id}@${a.target.position.start}`).join(',')}`;
    let next = placementsRef.current;
    if (key !== anchoredKey.current) {
      anchoredKey.current = key;
      try {
        const result = await getApi().call('annotations.anchor', { notePath, rendered: { text: model.text, headings: model.headings } });
        next = result.placements;
        setError(null);
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        return;
      }
    }
    placementsRef.current = next;
    setPlacements(next);
    currentNote.setNote(notePath, next);
    repaint(annotations, next);
  }, [annotations, body, notePath, repaint]);

  // Re-anchor and repaint when the annotations change or the reader replaces the note's HTML.
  useEffect(() => {
    if (!body) return;
    void sync();
    let timer: number | undefined;
    const observer = new MutationObserver((records) => {
      if (painting.current) return;
      // Live demo output inside a card changes nothing the annotations stand on.
      if (records.every((r) => (r.target instanceof Element ? r.target : r.target.parentElement)?.closest(SKIP_SELECTOR))) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void sync(), 60);
    });
    observer.observe(body, { childList: true, subtree: true, characterData: true, attributeFilter: ['aria-busy'] });
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [body, sync]);

  useEffect(() => () => currentNote.setNote(null, []), []);

  /** Reads the current selection now (the toolbar follows it with a short delay). */
  const captureSelection = useCallback((): PendingSelection | null => {
    if (!body) return null;
    const sel = document.getSelection();
    const model = readTextModel(body);
    const offsets = selectionOffsets(model, body, sel);
    if (!offsets || !sel) {
      setSelection(null);
      return null;
    }
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    const pending = { ...offsets, quote: model.text.slice(offsets.start, offsets.end), rect: { top: rect.top, left: rect.left, bottom: rect.bottom, width: rect.width } };
    setSelection(pending);
    return pending;
  }, [body]);

  // Follow the selection inside the note.
  useEffect(() => {
    if (!body) return;
    const update = () => void captureSelection();
    let timer: number | undefined;
    const onChange = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 120);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      window.clearTimeout(timer);
    };
  }, [body, captureSelection]);

  const create = useCallback(
    async (input: { color: HighlightColor; comment?: string; tags?: string[]; start?: number; end?: number }) => {
      if (!body) return null;
      const start = input.start ?? selection?.start;
      const end = input.end ?? selection?.end;
      if (start === undefined || end === undefined) return null;
      painting.current = true;
      clearHighlights(body);
      const model = readTextModel(body);
      queueMicrotask(() => (painting.current = false));
      try {
        const created = await getApi().call('annotations.create', {
          notePath,
          rendered: { text: model.text, headings: model.headings },
          start,
          end,
          color: input.color,
          comment: input.comment ?? '',
          tags: input.tags ?? [],
        });
        document.getSelection()?.removeAllRanges();
        setSelection(null);
        setError(null);
        return created;
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        if (annotations) repaint(annotations, placementsRef.current);
        return null;
      }
    },
    [annotations, body, notePath, repaint, selection],
  );

  return { annotations: annotations ?? [], placements, selection, captureSelection, error, create, dismissError: () => setError(null), clearSelection: () => setSelection(null) };
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
