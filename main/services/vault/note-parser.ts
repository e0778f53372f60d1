import { readNoteRecordSync, type NoteRecord } from './note-record';

/** Reads and scans notes for the index, handing over records a batch at a time. */
export interface NoteParser {
  /** Reads `paths` (vault-relative) under `root`; calls `onBatch` as records are ready; vanished files are left out. */
  parse(root: string, paths: readonly string[], onBatch: (records: NoteRecord[]) => void): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * A note this big (bytes) is read and scanned off the main thread even when only a few notes are
 * read (`IndexWorkers`): scanning 1 MB of text held the main thread 40-55 ms.
 */
export const BIG_NOTE_BYTES = 128 * 1024;

/** Longest stretch (ms) the in-process parser reads and scans before letting other work run. */
const SLICE_MS = 12;

/**
 * Parses on the calling thread, in slices of a few milliseconds so its event loop keeps turning
 * (used from TS sources, for small updates, and when index workers fail).
 */
export const inProcessParser: NoteParser = {
  async parse(root, paths, onBatch) {
    let batch: NoteRecord[] = [];
    let sliceStart = performance.now();
    for (const relative of paths) {
      const record = readNoteRecordSync(root, relative);
      if (record) batch.push(record);
      if (performance.now() - sliceStart > SLICE_MS) {
        onBatch(batch);
        batch = [];
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    if (batch.length) onBatch(batch);
  },
};
