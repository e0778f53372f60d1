import { useSyncExternalStore } from 'react';
import type { NoteHeading } from '@contract';

/** Where the reader is: a note and, optionally, an element id inside it. */
export interface NoteLocation {
  path: string;
  anchor?: string;
  /** Text to find, highlight and scroll to after rendering (a search hit's match). */
  find?: string;
  /** Bumped on every navigation so re-opening the same anchor scrolls again. */
  seq: number;
}

export type SidebarTab = 'files' | 'search' | 'tags' | 'outline';

interface NotesState {
  current?: NoteLocation;
  back: NoteLocation[];
  forward: NoteLocation[];
  sidebarTab: SidebarTab;
  searchFocus: number;
  selectedTag?: string;
  switcherOpen: boolean;
  openVaultOpen: boolean;
  outline: NoteHeading[];
  /** An unresolved link the student clicked: the note Berth would create, waiting for their answer. */
  pendingCreate?: { name: string; folder: string };
}

let state: NotesState = { back: [], forward: [], sidebarTab: 'files', searchFocus: 0, switcherOpen: false, openVaultOpen: false, outline: [] };
let seq = 0;
const listeners = new Set<() => void>();

function set(patch: Partial<NotesState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** The notes feature's UI state: navigation history, sidebar tab, dialogs. */
export const notesStore = {
  get: () => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Opens a note (optionally at an anchor), pushing the current one onto the back stack. */
  open(path: string, anchor?: string, find?: string): void {
    const next: NoteLocation = { path, seq: ++seq, ...(anchor ? { anchor } : {}), ...(find ? { find } : {}) };
    if (state.current && state.current.path === path && !anchor && !find) return;
    if (state.current && state.current.path === path) {
      set({ current: next });
      return;
    }
    set({ current: next, back: state.current ? [state.current, ...state.back].slice(0, 100) : state.back, forward: [] });
  },
  /** Replaces the current location without history (start-up, vault switch). */
  reset(path: string | undefined): void {
    set({ current: path ? { path, seq: ++seq } : undefined, back: [], forward: [] });
  },
  goBack(): void {
    const [previous, ...rest] = state.back;
    if (!previous) return;
    set({ current: { ...previous, seq: ++seq }, back: rest, forward: state.current ? [state.current, ...state.forward] : state.forward });
  },
  goForward(): void {
    const [next, ...rest] = state.forward;
    if (!next) return;
    set({ current: { ...next, seq: ++seq }, forward: rest, back: state.current ? [state.current, ...state.back] : state.back });
  },
  /** Follows a rename/delete of the open note: drops it from history. */
  forget(path: string): void {
    set({ back: state.back.filter((l) => l.path !== path), forward: state.forward.filter((l) => l.path !== path) });
  },
  showTab(tab: SidebarTab): void {
    set({ sidebarTab: tab });
  },
  focusSearch(): void {
    set({ sidebarTab: 'search', searchFocus: state.searchFocus + 1 });
  },
  showTag(tag: string): void {
    set({ sidebarTab: 'tags', selectedTag: tag });
  },
  selectTag(tag: string | undefined): void {
    set(tag ? { selectedTag: tag } : { selectedTag: undefined });
  },
  setSwitcher(open: boolean): void {
    set({ switcherOpen: open });
  },
  setOpenVault(open: boolean): void {
    set({ openVaultOpen: open });
  },
  /** Asks the student before creating the note an unresolved link points to (undefined closes the question). */
  askCreate(request: { name: string; folder: string } | undefined): void {
    set({ pendingCreate: request });
  },
  setOutline(outline: NoteHeading[]): void {
    set({ outline });
  },
};

/** Subscribes a component to the notes store. */
export function useNotesState(): NotesState {
  return useSyncExternalStore(notesStore.subscribe, notesStore.get);
}
