import type { NoteRecord } from './note-record';

/**
 * A note record as an index worker sends it: each link's context line (shared by every link on
 * that line in the worker) is sent once, in `contexts`, and `contextOf[i]` says which one link `i`
 * has. Structured cloning copies a string once per reference: a line with 100 links went 100
 * times, and a note of 20,000 links was an 8 MB message.
 */
export interface SentRecord {
  record: NoteRecord;
  contexts: string[];
  contextOf: Uint32Array;
}

/** Packs a record for `postMessage` (the links' `context` is emptied; `receiveRecord` restores it). */
export function sendRecord(record: NoteRecord): SentRecord {
  const links = record.scan.links;
  const contexts: string[] = [];
  const contextOf = new Uint32Array(links.length);
  const seen = new Map<string, number>();
  const sentLinks = links.map((link, at) => {
    let index = seen.get(link.context);
    if (index === undefined) {
      index = contexts.length;
      contexts.push(link.context);
      seen.set(link.context, index);
    }
    contextOf[at] = index;
    return { ...link, context: '' };
  });
  return { record: { ...record, scan: { ...record.scan, links: sentLinks } }, contexts, contextOf };
}

/** The record `sendRecord` packed, with every link's context line back. */
export function receiveRecord(sent: SentRecord): NoteRecord {
  const { record, contexts, contextOf } = sent;
  record.scan.links.forEach((link, at) => {
    link.context = contexts[contextOf[at] ?? 0] ?? '';
  });
  return record;
}
