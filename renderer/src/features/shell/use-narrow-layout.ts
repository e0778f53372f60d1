import { useEffect, useState } from 'react';

/** Below this window width (CSS pixels) the Docker pane folds into a rail and opens over the note. */
export const NARROW_LAYOUT_MAX_WIDTH = 1279;

/** True while the window is narrow (follows resizing and zoom). */
export function useNarrowLayout(): boolean {
  const query = `(max-width: ${NARROW_LAYOUT_MAX_WIDTH}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return narrow;
}
