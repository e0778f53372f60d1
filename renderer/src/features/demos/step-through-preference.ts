import { useSyncExternalStore } from 'react';

const KEY = 'berth.demos.stepThrough';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

let value = read();

/** Sets whether Run starts demos step by step (remembered across windows and restarts). */
export function setStepThrough(next: boolean): void {
  value = next;
  try {
    window.localStorage.setItem(KEY, String(next));
  } catch {
    // Private mode: remembered for this window only.
  }
  for (const listener of listeners) listener();
}

/** Whether Run starts demos step by step; the Run cards and the Demos pane share it. */
export function useStepThrough(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => value,
  );
}
