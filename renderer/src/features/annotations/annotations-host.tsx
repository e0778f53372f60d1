import { useEffect, useState } from 'react';
import { NoteAnnotator } from './note-annotator';

interface OpenNote {
  body: HTMLElement;
  notePath: string;
}

function findNoteBody(): OpenNote | null {
  const body =
    document.querySelector<HTMLElement>('.center .note-body[data-note-path]') ?? document.querySelector<HTMLElement>('.note-body[data-note-path]');
  const notePath = body?.dataset.notePath;
  return body && notePath ? { body, notePath } : null;
}

/**
 * Finds the reader's `.note-body` (whichever note is open) and attaches the annotator to it, so
 * the notes feature only has to render the note. Mounted once by the shell.
 */
export function AnnotationsHost() {
  const [open, setOpen] = useState<OpenNote | null>(null);
  useEffect(() => {
    const check = () => {
      const found = findNoteBody();
      setOpen((previous) => (previous?.body === found?.body && previous?.notePath === found?.notePath ? previous : found));
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-note-path'] });
    return () => observer.disconnect();
  }, []);
  return open ? <NoteAnnotator key={open.notePath} notePath={open.notePath} body={open.body} /> : null;
}
