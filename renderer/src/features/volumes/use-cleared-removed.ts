import { useCallback, useState } from 'react';
import type { StorageItem } from '@contract';

const KEY = 'berth.storage.clearedRemovedAt';

function readCutoff(): number {
  try {
    return Number(localStorage.getItem(KEY)) || 0;
  } catch {
    return 0;
  }
}

/**
 * "Clear removed": hides the rows of storage that is gone as of now (their history stays in the
 * detail and the lineage file); storage removed later shows again. Remembered across restarts.
 */
export function useClearedRemoved() {
  const [cutoff, setCutoff] = useState(readCutoff);
  const isCleared = useCallback(
    (item: StorageItem) => item.state === 'removed' && item.changedAt <= cutoff,
    [cutoff],
  );
  const clear = useCallback(() => {
    const now = Date.now();
    setCutoff(now);
    try {
      localStorage.setItem(KEY, String(now));
    } catch {
      /* private mode: for this session only */
    }
  }, []);
  return { isCleared, clear };
}
