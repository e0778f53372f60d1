/** The network a `networks.reveal` asked for, waiting for the Networks view to show it. */
let pending: string | undefined;
const listeners = new Set<(ref: string) => void>();

/** Asks the Networks view to select this network (id or name). */
export function requestReveal(ref: string): void {
  pending = ref;
  for (const listener of listeners) listener(ref);
}

/** Takes the pending request, if any (the view calls it when it mounts). */
export function takeReveal(): string | undefined {
  const ref = pending;
  pending = undefined;
  return ref;
}

/** Calls `listener` for every later request; returns the disposer. */
export function onReveal(listener: (ref: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
