import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A setting edited by a fast control (a slider held down or tapped quickly): the control shows
 * every change at once, and saves go out one at a time with only the latest waiting, so no key
 * press is lost and an older save never overwrites a newer one. Follows the saved value when
 * nothing is being saved (e.g. View → Zoom In changed it), but not an answer older than its own
 * last save: between two quick key presses, a query answered with the value before the first
 * put the slider back, and the next press was lost.
 */
export function useLiveValue(
  saved: number,
  save: (value: number) => Promise<unknown>,
): [number, (value: number) => void] {
  const [value, setValue] = useState(saved);
  const busy = useRef(false);
  const waiting = useRef<number | null>(null);
  /** The value last saved, until the saved value shows it. */
  const echo = useRef<number | null>(null);
  /** Values an answer older than that save may still show: the one before the first press, and those saved since. */
  const stale = useRef(new Set<number>());
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    // An answer from before the last save is ignored; the save's own value or another (a change made elsewhere) is followed.
    if (echo.current !== null && saved !== echo.current && stale.current.has(saved)) return;
    echo.current = null;
    stale.current.clear();
    if (!busy.current && waiting.current === null) setValue(saved);
  }, [saved]);

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    while (waiting.current !== null) {
      const next = waiting.current;
      waiting.current = null;
      const stored = await saveRef.current(next).then(
        () => true,
        () => false,
      );
      if (echo.current !== null) stale.current.add(echo.current);
      echo.current = stored ? next : null;
    }
    busy.current = false;
    // The saved value may already show the last save (it came while saving).
    if (echo.current === null || echo.current === savedRef.current) {
      echo.current = null;
      stale.current.clear();
    }
  }, []);

  const change = useCallback(
    (next: number) => {
      if (echo.current === null && !busy.current) stale.current.add(savedRef.current);
      setValue(next);
      waiting.current = next;
      void flush();
    },
    [flush],
  );
  return [value, change];
}
