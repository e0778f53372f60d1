import { useEffect, useState } from 'react';

/** The reader's rendered note: its `.note-body` element and the vault path it shows. */
export interface OpenNote {
  body: HTMLElement;
  notePath: string;
}

/** The open note in the centre of the window, found by the DOM convention `.note-body[data-note-path]`. */
export function findOpenNote(): OpenNote | null {
  const body =
    document.querySelector<HTMLElement>('.center .note-body[data-note-path]') ??
    document.querySelector<HTMLElement>('.note-body[data-note-path]');
  const notePath = body?.dataset.notePath;
  return body && notePath ? { body, notePath } : null;
}

/**
 * The open note, kept current while notes open and close. Lets a feature decorate or describe
 * the open note without importing the notes feature.
 */
export function useOpenNote(): OpenNote | null {
  const [open, setOpen] = useState<OpenNote | null>(findOpenNote);
  useEffect(() => {
    const check = () => {
      const found = findOpenNote();
      setOpen((previous) =>
        previous?.body === found?.body && previous?.notePath === found?.notePath ? previous : found,
      );
    };
    check();
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-note-path'],
    });
    return () => observer.disconnect();
  }, []);
  return open;
}
