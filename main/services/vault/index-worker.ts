/**
 * Worker-thread entry (built as `out/main/index-worker.js`): reads and scans notes for the vault
 * index off the main thread. `parse` in, `parsed` out (records of the notes that still exist).
 * See `index-workers.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { readNoteRecordSync, type NoteRecord } from './note-record';

/** Messages the index workers' owner sends. */
export type ToIndexWorker = { type: 'parse'; id: number; root: string; paths: string[] };
/** Messages an index worker sends back. */
export type FromIndexWorker = { type: 'ready' } | { type: 'parsed'; id: number; records: NoteRecord[] };

const port = parentPort;
if (port) {
  port.on('message', (message: ToIndexWorker) => {
    const records: NoteRecord[] = [];
    for (const relative of message.paths) {
      const record = readNoteRecordSync(message.root, relative);
      if (record) records.push(record);
    }
    port.postMessage({ type: 'parsed', id: message.id, records } satisfies FromIndexWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromIndexWorker);
}
