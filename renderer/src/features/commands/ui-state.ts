/**
 * The small bits of UI state the commands feature owns: which app dialog is open, and the toasts.
 * A plain store (useSyncExternalStore), so commands can change it from outside React.
 */
import { useSyncExternalStore } from 'react';

export type AppDialog = 'settings' | 'about' | 'shortcuts' | null;

export interface Toast {
  id: number;
  tone: 'info' | 'ok' | 'warn' | 'danger';
  title: string;
  body?: string;
  /** Text the toast offers to copy (e.g. the logs folder path). */
  copy?: string;
}

interface UiState {
  dialog: AppDialog;
  toasts: Toast[];
}

let state: UiState = { dialog: null, toasts: [] };
const listeners = new Set<() => void>();
let nextId = 1;

function set(next: Partial<UiState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/** Opens one of the app's dialogs (closing any other). */
export function openDialog(dialog: AppDialog): void {
  set({ dialog });
}

/** Shows a toast; it goes away by itself after `ms` (errors stay until dismissed). */
export function showToast(toast: Omit<Toast, 'id'>, ms = toast.tone === 'danger' ? 0 : 6000): number {
  const id = nextId++;
  set({ toasts: [...state.toasts.slice(-3), { ...toast, id }] });
  if (ms > 0) setTimeout(() => dismissToast(id), ms);
  return id;
}

/** Removes a toast. */
export function dismissToast(id: number): void {
  if (state.toasts.some((t) => t.id === id)) set({ toasts: state.toasts.filter((t) => t.id !== id) });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current UI state, re-rendering on change. */
export function useUiState(): UiState {
  return useSyncExternalStore(subscribe, () => state);
}
