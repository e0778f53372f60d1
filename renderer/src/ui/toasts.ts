/**
 * The toast store: a plain store (useSyncExternalStore) so any feature, or code outside React,
 * can show a toast. `ToastRegion` renders them.
 */
import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  tone: 'info' | 'ok' | 'warn' | 'danger';
  title: string;
  body?: string;
  /** Text the toast offers to copy (e.g. the logs folder path). */
  copy?: string;
  /** Toasts with the same key replace each other instead of stacking (e.g. zoom level). */
  key?: string;
  /** One button on the toast (e.g. Undo); pressing it runs `run` and closes the toast. */
  action?: { label: string; run: () => void };
}

let toasts: Toast[] = [];
const listeners = new Set<() => void>();
let nextId = 1;

function set(next: Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a toast; it goes away by itself after `ms` (errors stay until dismissed). */
export function showToast(
  toast: Omit<Toast, 'id'>,
  ms = toast.tone === 'danger' ? 0 : 6000,
): number {
  const id = nextId++;
  const rest = toast.key ? toasts.filter((t) => t.key !== toast.key) : toasts;
  set([...rest.slice(-3), { ...toast, id }]);
  if (ms > 0) setTimeout(() => dismissToast(id), ms);
  return id;
}

/** Removes a toast. */
export function dismissToast(id: number): void {
  if (toasts.some((t) => t.id === id)) set(toasts.filter((t) => t.id !== id));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The toasts on screen, re-rendering on change. */
export function useToasts(): Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
