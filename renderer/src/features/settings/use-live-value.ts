import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A setting edited by a fast control (a slider held down or tapped quickly): the control shows
 * every change at once, and saves go out one at a time with only the latest waiting, so no key
 * press is lost and an older save never overwrites a newer one. Follows the saved value when
 * nothing is being saved (e.g. View → Zoom In changed it).
 */
export function useLiveValue(
  saved: number,
  save: (value: number) => Promise<unknown>,
): [number, (value: number) => void] {
  const [value, setValue] = useState(saved);
  const busy = useRef(false);
  const waiting = useRef<number | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  useEffect(() => {
    if (!busy.current && waiting.current === null) setValue(saved);
  }, [saved]);

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    while (waiting.current !== null) {
      const next = waiting.current;
      waiting.current = null;
      await saveRef.current(next).catch(() => undefined);
    }
    busy.current = false;
  }, []);

  const change = useCallback(
    (next: number) => {
      setValue(next);
      waiting.current = next;
      void flush();
    },
    [flush],
  );
  return [value, change];
}
