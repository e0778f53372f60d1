/**
 * Worker-thread entry (built as `out/main/index-worker.js`): reads and scans notes for the vault
 * index off the main thread. `parse` in, `parsed` out (records of the notes that still exist).
 * See `index-workers.ts`.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { readNoteRecordSync } from './note-record';
import { sendRecord, type SentRecord } from './record-transfer';

/** Messages the index workers' owner sends. */
export type ToIndexWorker = { type: 'parse'; id: number; root: string; paths: string[] };
/** Messages an index worker sends back. */
export type FromIndexWorker = { type: 'ready' } | { type: 'parsed'; id: number; records: SentRecord[] };

/**
 * Indexing is background work: on Linux, where the nice value belongs to a thread, this worker
 * lowers its own so that the main thread (and the page) get a core first. On two cores with two
 * workers (bench:vault) the main loop's longest block fell from 30-69 ms to 25-49 ms, with the
 * index as fast. Elsewhere the call would lower the whole app, so it is not made.
 */
function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(10);
  } catch {
    // Not allowed (a sandbox or a container without the capability): run at the normal priority.
  }
}

const port = parentPort;
if (port) {
  lowerThisThreadsPriority();
  port.on('message', (message: ToIndexWorker) => {
    const records: SentRecord[] = [];
    for (const relative of message.paths) {
      const record = readNoteRecordSync(message.root, relative);
      if (record) records.push(sendRecord(record));
    }
    port.postMessage({ type: 'parsed', id: message.id, records } satisfies FromIndexWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromIndexWorker);
}
