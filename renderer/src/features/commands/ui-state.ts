/**
 * The small bit of UI state the commands feature owns: which app dialog is open.
 * A plain store (useSyncExternalStore), so commands can change it from outside React.
 */
import { useSyncExternalStore } from 'react';

export type AppDialog = 'settings' | 'about' | 'shortcuts' | null;

let dialog: AppDialog = null;
const listeners = new Set<() => void>();

/** Opens one of the app's dialogs (closing any other). */
export function openDialog(next: AppDialog): void {
  dialog = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The open app dialog, re-rendering on change. */
export function useOpenDialog(): AppDialog {
  return useSyncExternalStore(subscribe, () => dialog);
}
