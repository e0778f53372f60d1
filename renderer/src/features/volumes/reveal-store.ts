/** The volume a `volumes.reveal` asked for, waiting for the Storage view to select it. */
let pending: string | undefined;
const listeners = new Set<(name: string) => void>();

/** Asks the Storage view to select this volume (by name). */
export function requestVolumeReveal(name: string): void {
  pending = name;
  for (const listener of listeners) listener(name);
}

/** Takes the pending request, if any (the view calls it when it mounts). */
export function takeVolumeReveal(): string | undefined {
  const name = pending;
  pending = undefined;
  return name;
}

/** Calls `listener` for every later request; returns the disposer. */
export function onVolumeReveal(listener: (name: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
