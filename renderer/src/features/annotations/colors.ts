import type { HighlightColor } from '@contract';

/** Highlight colours in toolbar order, with their names for people. */
export const HIGHLIGHT_COLORS: Array<{ id: HighlightColor; label: string }> = [
  { id: 'yellow', label: 'Yellow' },
  { id: 'green', label: 'Green' },
  { id: 'blue', label: 'Blue' },
  { id: 'pink', label: 'Pink' },
  { id: 'purple', label: 'Purple' },
];

/** True for Ctrl (or ⌘ on macOS) + Shift + `key`. */
export function isShortcut(event: KeyboardEvent, key: string): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === key;
}
