import { useEffect, useState } from 'react';

/** Longest the panes beside the note wait for it (an empty vault, a note that fails to load). */
const WAIT_MS = 1200;

let shown = false;
const listeners = new Set<() => void>();

/** Called by the notes feature once the first note is on screen. */
export function markFirstNoteShown(): void {
  if (shown) return;
  shown = true;
  for (const listener of [...listeners]) listener();
  listeners.clear();
}

/**
 * False until the first note is on screen (or a moment has passed): the panes beside the note
 * render after it, so at start-up the note does not wait behind their code, queries and layout.
 */
export function useAfterFirstNote(): boolean {
  const [ready, setReady] = useState(shown);
  useEffect(() => {
    if (ready) return;
    const done = () => setReady(true);
    listeners.add(done);
    const timer = window.setTimeout(done, WAIT_MS);
    return () => {
      listeners.delete(done);
      window.clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
