/**
 * The small bit of UI state the commands feature owns: which app dialog is open.
 * A plain store (useSyncExternalStore), so commands can change it from outside React.
 */
import { useSyncExternalStore } from 'react';

export type AppDialog = 'settings' | 'about' | 'shortcuts' | null;

let dialog: AppDialog = null;
let section: string | undefined;
const listeners = new Set<() => void>();

/** Opens one of the app's dialogs (closing any other), optionally at one of its sections (Settings > Engines). */
export function openDialog(next: AppDialog, atSection?: string): void {
  dialog = next;
  section = atSection;
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

/** The section the open dialog was asked to show first, if any. */
export function useDialogSection(): string | undefined {
  return useSyncExternalStore(subscribe, () => section);
}
