import { useCallback, useEffect, useRef, useState } from 'react';
import { getApi } from '../../api';

/**
 * A pane width that the user can drag, remembered in settings (`paneSizes[id]`).
 * Returns the width and a pointer-down handler for the splitter.
 */
export function usePaneSize(id: string, initial: number, min: number, max: number, side: 'left' | 'right') {
  const [size, setSize] = useState(initial);
  const sizeRef = useRef(size);
  sizeRef.current = size;

  useEffect(() => {
    getApi()
      .call('settings.get', {})
      .then((settings) => {
        const saved = settings.paneSizes[id];
        if (typeof saved === 'number') setSize(Math.min(max, Math.max(min, saved)));
      })
      .catch(() => undefined);
  }, [id, min, max]);

  const save = useCallback(
    (value: number) => {
      void getApi()
        .call('settings.get', {})
        .then((settings) => getApi().call('settings.update', { paneSizes: { ...settings.paneSizes, [id]: Math.round(value) } }))
        .catch(() => undefined);
    },
    [id],
  );

  const onPointerDown = useCallback(
    (event: React.PointerEvent<HTMLElement>) => {
      event.preventDefault();
      const startX = event.clientX;
      const start = sizeRef.current;
      const move = (e: PointerEvent) => {
        const delta = side === 'left' ? e.clientX - startX : startX - e.clientX;
        setSize(Math.min(max, Math.max(min, start + delta)));
      };
      const up = () => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        save(sizeRef.current);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    },
    [max, min, save, side],
  );

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      const step = event.shiftKey ? 48 : 16;
      const grow = side === 'left' ? 'ArrowRight' : 'ArrowLeft';
      const shrink = side === 'left' ? 'ArrowLeft' : 'ArrowRight';
      if (event.key !== grow && event.key !== shrink) return;
      event.preventDefault();
      const next = Math.min(max, Math.max(min, sizeRef.current + (event.key === grow ? step : -step)));
      setSize(next);
      save(next);
    },
    [max, min, save, side],
  );

  return { size, onPointerDown, onKeyDown };
}
