import type { NotePageView, RenderedNoteView } from '@contract';
import { getApi } from '../../api';
import { ChunkInserter, type NoteChunk } from './note-chunks';

/** What the reader does as a long note streams in. */
export interface NoteStreamHooks {
  /** Elements just inserted (to wire PDFs, task boxes, a waiting heading link). */
  onInserted(elements: Element[], first: boolean): void;
  /** The whole note is in the body; the last page carries its outline and problems. */
  onDone(page: NotePageView): void;
  onError(message: string): void;
}

/** A note streaming into the body: `hurry` inserts the rest without pausing (a link waits for a heading further down). */
export interface NoteStream {
  hurry(): void;
  dispose(): void;
}

/** Time for inserting chunks before the browser gets to paint and answer input (ms). */
const FRAME_BUDGET_MS = 12;
const yieldToBrowser = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/**
 * Fetches the rest of a long note page by page (`vault.readNoteRest`, the next page while this one
 * is inserted): chunks are sanitized and parsed a frame's budget at a time, each page goes into
 * the body in one step, so the first screen stays scrollable while the rest arrives. A chunk 0
 * replaces the quick first screen.
 */
export function streamNoteRest(body: HTMLElement, rest: NonNullable<RenderedNoteView['rest']>, hooks: NoteStreamHooks): NoteStream {
  let alive = true;
  let done = false;
  let hurry = false;
  let replaceNext = rest.from === 0;
  const fetchPage = (from: number) => getApi().call('vault.readNoteRest', { stream: rest.stream, from });

  const inserter = new ChunkInserter(body);
  // Chunks are parsed a frame's budget at a time into a staging area (rows of a long table into
  // segments laid out only near the screen); a page goes into the body in one step.
  const insert = async (chunks: NoteChunk[]) => {
    let started = performance.now();
    for (const chunk of chunks) {
      if (!alive) return;
      inserter.add(chunk);
      if (!hurry && performance.now() - started > FRAME_BUDGET_MS) {
        await yieldToBrowser();
        started = performance.now();
      }
    }
    if (!alive) return;
    const first = replaceNext;
    const added = inserter.flush(first, hurry);
    // Nothing moved (a very wide table still open): the first screen stays until its last rows are in.
    if (!added.length) return;
    replaceNext = false;
    hooks.onInserted(added, first);
  };

  const run = async () => {
    let pending: Promise<NotePageView> | null = fetchPage(rest.from);
    while (pending && alive) {
      const page: NotePageView = await pending;
      if (!alive) return;
      pending = page.done ? null : fetchPage(page.next);
      // A page that fails while this one is inserted is reported when its turn comes.
      pending?.catch(() => undefined);
      await insert(page.chunks);
      if (page.done) done = true;
      if (page.done && alive) hooks.onDone(page);
    }
  };
  run().catch((error: unknown) => {
    if (alive) hooks.onError(error instanceof Error ? error.message : String(error));
  });

  return {
    hurry: () => (hurry = true),
    dispose: () => {
      alive = false;
      // Left before the rest was in: the vault stops rendering it (the worker is free for the next note).
      if (!done) getApi().call('vault.closeNoteRest', { stream: rest.stream }).catch(() => undefined);
    },
  };
}
