import type { Transport } from './transport';

/** Hands each event of the transport to the client's listeners, with one step before them. */
export interface EventRelay {
  /** Listens to `event` until the returned disposer is called. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Subscribes to each event name once on the transport and fans it out, calling `beforeListeners`
 * once per arrival before any listener runs (so that a listener re-running a query sees the
 * arrival already counted), and once per change of the link (calls in flight may be lost).
 */
export function createEventRelay(transport: Transport, beforeListeners: () => void): EventRelay {
  const listeners = new Map<string, { set: Set<(payload: unknown) => void>; unsubscribe: () => void }>();
  const relay = (event: string) => {
    const set = new Set<(payload: unknown) => void>();
    const unsubscribe = transport.subscribe(event, (payload) => {
      beforeListeners();
      for (const listener of set) listener(payload);
    });
    const entry = { set, unsubscribe };
    listeners.set(event, entry);
    return entry;
  };
  transport.onLinkState(beforeListeners);
  return {
    on(event, listener) {
      const entry = listeners.get(event) ?? relay(event);
      entry.set.add(listener);
      return () => {
        if (!entry.set.delete(listener) || entry.set.size > 0 || listeners.get(event) !== entry) return;
        listeners.delete(event);
        entry.unsubscribe();
      };
    },
  };
}
