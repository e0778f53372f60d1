import { useCallback, useEffect, useRef, useState } from 'react';
import type { StorageItem } from '@contract';
import { useEvent } from '../../api';

/** The demo run whose volumes and containers the Storage view points out. */
export interface DemoHighlight {
  runId: string;
  title: string;
  running: boolean;
  containers: Set<string>;
  volumes: Set<string>;
}

const LINGER_MS = 15_000;

/**
 * Follows demo runs (`demos.run` events) and says which storage items the current run touches:
 * its volumes, and the mounts of its containers. Kept for a while after the run ends so the
 * student can see what cleanup removed.
 */
export function useDemoHighlight(): { highlight: DemoHighlight | null; touches: (item: StorageItem) => boolean } {
  const [highlight, setHighlight] = useState<DemoHighlight | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  useEvent('demos.run', (event) => {
    if (event.type === 'run-started') {
      clearTimeout(timer.current);
      setHighlight({ runId: event.runId, title: event.record.title, running: true, containers: new Set(), volumes: new Set() });
    } else if (event.type === 'resources') {
      setHighlight((current) =>
        current && current.runId === event.runId
          ? { ...current, containers: new Set(event.resources.container), volumes: new Set(event.resources.volume) }
          : current,
      );
    } else if (event.type === 'run-finished') {
      setHighlight((current) => (current && current.runId === event.runId ? { ...current, running: false } : current));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setHighlight((current) => (current?.runId === event.runId ? null : current)), LINGER_MS);
    }
  });

  const touches = useCallback(
    (item: StorageItem) => {
      if (!highlight) return false;
      if (item.volume && highlight.volumes.has(item.name)) return true;
      if (item.uses.some((use) => highlight.containers.has(use.containerName))) return true;
      return Boolean(item.createdBy && highlight.containers.has(item.createdBy.containerName));
    },
    [highlight],
  );
  return { highlight, touches };
}
