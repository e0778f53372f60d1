import { useCallback, useEffect, useRef, useState } from 'react';
import type { LineageEntry, RawEvent, StorageDelta, StorageItem, StorageSnapshot } from '@contract';
import { getApi } from '../../api';

/** The storage model as the renderer holds it, kept current by `volumes.delta` batches. */
export interface StorageState {
  items: StorageItem[];
  events: RawEvent[];
  stale: boolean;
  reconciledAt: number;
  missedWhileDisconnected: number;
  /** Why storage is re-read on a timer (the engine does not report volume mounts), else undefined. */
  refreshNotice: string | undefined;
  revision: number;
  loaded: boolean;
  error: string | undefined;
  /** Bumped whenever history (lineage) arrived, so detail views can re-ask. */
  lineageTick: number;
  /** The last state changes per item, for the small timelines. */
  history: Map<string, LineageEntry[]>;
}

const MAX_EVENTS = 3000;

const initial: StorageState = {
  items: [],
  events: [],
  stale: false,
  reconciledAt: 0,
  missedWhileDisconnected: 0,
  refreshNotice: undefined,
  revision: -1,
  loaded: false,
  error: undefined,
  lineageTick: 0,
  history: new Map(),
};

const HISTORY_PER_ITEM = 10;

function addHistory(history: Map<string, LineageEntry[]>, entries: LineageEntry[]): void {
  for (const entry of entries) {
    if (entry.type !== 'state') continue;
    const list = history.get(entry.itemId) ?? [];
    if (list.some((e) => e.seq === entry.seq)) continue;
    list.push(entry);
    if (list.length > HISTORY_PER_ITEM) list.splice(0, list.length - HISTORY_PER_ITEM);
    history.set(entry.itemId, list);
  }
}

/**
 * Loads the storage snapshot once, then applies deltas as they come. Deltas are collected and
 * applied once per animation frame, so a burst of 1,000 changes costs one render. A gap in
 * revisions (missed delta) re-queries the snapshot: the query stays the truth.
 */
export function useStorageModel(): StorageState & { refresh: () => void } {
  const [state, setState] = useState<StorageState>(initial);
  const itemsRef = useRef(new Map<string, StorageItem>());
  const eventsRef = useRef<RawEvent[]>([]);
  const historyRef = useRef(new Map<string, LineageEntry[]>());
  const pending = useRef<StorageDelta[]>([]);
  /** Deltas already applied, kept briefly: a snapshot that answers late must not undo them. */
  const applied = useRef<StorageDelta[]>([]);
  const frame = useRef<number | null>(null);
  const revision = useRef(-1);
  const loading = useRef(false);
  const reloadAfter = useRef(false);
  const loadRef = useRef<() => void>(() => {});
  const meta = useRef<Pick<StorageState, 'stale' | 'reconciledAt' | 'missedWhileDisconnected' | 'refreshNotice' | 'lineageTick'>>({
    stale: false,
    reconciledAt: 0,
    missedWhileDisconnected: 0,
    refreshNotice: undefined,
    lineageTick: 0,
  });

  const publish = useCallback((extra: Partial<StorageState> = {}) => {
    setState((prev) => ({
      ...prev,
      items: [...itemsRef.current.values()],
      events: eventsRef.current,
      history: historyRef.current,
      ...meta.current,
      revision: revision.current,
      loaded: true,
      error: undefined,
      ...extra,
    }));
  }, []);

  const load = useCallback(() => {
    if (loading.current) {
      reloadAfter.current = true;
      return;
    }
    loading.current = true;
    getApi()
      .call('volumes.snapshot', {})
      .then((snapshot: StorageSnapshot) => {
        itemsRef.current = new Map(snapshot.items.map((i) => [i.id, i]));
        revision.current = snapshot.revision;
        meta.current = {
          ...meta.current,
          stale: snapshot.stale,
          reconciledAt: snapshot.reconciledAt,
          missedWhileDisconnected: snapshot.missedWhileDisconnected,
          refreshNotice: snapshot.refreshNotice,
        };
        // Deltas that arrived while loading and are newer than the snapshot still apply.
        pending.current = pending.current.filter((d) => d.fromRevision >= snapshot.revision);
        for (const d of applied.current) {
          if (d.fromRevision < snapshot.revision) continue;
          for (const item of d.upserts) itemsRef.current.set(item.id, item);
          for (const id of d.dropped) itemsRef.current.delete(id);
          revision.current = Math.max(revision.current, d.revision);
        }
        publish();
        return getApi().call('volumes.lineage', { limit: 5000 });
      })
      .then((result) => {
        addHistory(historyRef.current, result.entries);
        return getApi().call('volumes.events', { limit: 1000 });
      })
      .then((result) => {
        historyRef.current = new Map(historyRef.current);
        const known = new Set(eventsRef.current.map((e) => e.seq));
        eventsRef.current = [
          ...result.events.filter((e) => !known.has(e.seq)),
          ...eventsRef.current,
        ]
          .sort((a, b) => a.seq - b.seq)
          .slice(-MAX_EVENTS);
        publish();
      })
      .catch((error: unknown) =>
        setState((prev) => ({
          ...prev,
          error: error instanceof Error ? error.message : String(error),
        })),
      )
      .finally(() => {
        loading.current = false;
        if (reloadAfter.current) {
          reloadAfter.current = false;
          loadRef.current();
        }
      });
  }, [publish]);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  const flush = useCallback(() => {
    frame.current = null;
    const deltas = pending.current.splice(0);
    let gap = false;
    let lineage = false;
    for (const delta of deltas) {
      if (revision.current >= 0 && delta.fromRevision !== revision.current) {
        if (delta.revision <= revision.current) continue; // already in the snapshot
        gap = true;
      }
      for (const item of delta.upserts) itemsRef.current.set(item.id, item);
      for (const id of delta.dropped) itemsRef.current.delete(id);
      if (delta.events.length)
        eventsRef.current = [...eventsRef.current, ...delta.events].slice(-MAX_EVENTS);
      if (delta.lineage.length) {
        lineage = true;
        addHistory(historyRef.current, delta.lineage);
      }
      revision.current = delta.revision;
      applied.current.push(delta);
      meta.current = {
        stale: delta.stale,
        reconciledAt: delta.reconciledAt,
        missedWhileDisconnected: delta.missedWhileDisconnected,
        refreshNotice: delta.refreshNotice,
        lineageTick: meta.current.lineageTick + (lineage ? 1 : 0),
      };
    }
    if (applied.current.length > 200) applied.current.splice(0, applied.current.length - 200);
    if (lineage) historyRef.current = new Map(historyRef.current);
    publish();
    if (gap) load();
  }, [load, publish]);

  useEffect(() => {
    const api = getApi();
    const offDelta = api.on('volumes.delta', (delta) => {
      pending.current.push(delta);
      frame.current ??= requestAnimationFrame(flush);
    });
    const offLink = api.transport.onLinkState((link) => link === 'open' && load());
    load();
    return () => {
      offDelta();
      offLink();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [flush, load]);

  return { ...state, refresh: load };
}
