import { useSyncExternalStore } from 'react';
import type { Placement } from '@contract';

/** What the open note's annotator shares with the side panel. */
export interface CurrentNoteState {
  notePath: string | null;
  placements: Placement[];
  /** Annotation the user pointed at (clicked in the note or in the panel). */
  focusedId: string | null;
  /** Bumped on each focus request, so the same annotation can be focused twice. */
  focusSeq: number;
  focusSource: 'note' | 'panel' | null;
}

let state: CurrentNoteState = { notePath: null, placements: [], focusedId: null, focusSeq: 0, focusSource: null };
const listeners = new Set<() => void>();

function set(patch: Partial<CurrentNoteState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** The open note and where its annotations landed. */
export const currentNote = {
  get: () => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setNote(notePath: string | null, placements: Placement[]): void {
    if (state.notePath === notePath && state.placements === placements) return;
    set({ notePath, placements });
  },
  focus(id: string | null, source: 'note' | 'panel'): void {
    set({ focusedId: id, focusSeq: state.focusSeq + 1, focusSource: source });
  },
};

/** React view of the open note's annotation state. */
export function useCurrentNote(): CurrentNoteState {
  return useSyncExternalStore(currentNote.subscribe, currentNote.get);
}
