import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeNote } from './note-source';
import { scanNote, type ScannedNote } from './note-scan';
import { noteNameOf } from './vault-paths';

/** A note as the index knows it. */
export interface NoteRecord {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  scan: ScannedNote;
  /** A readable problem with the file's bytes (binary, invalid UTF-8). */
  problem?: string;
}

/** Notes bigger than this are indexed by name only (their text is not searched). */
const SCAN_LIMIT = 5_000_000;

function recordOf(relative: string, bytes: Buffer, mtimeMs: number): NoteRecord {
  const name = noteNameOf(relative);
  if (bytes.length > SCAN_LIMIT) return tooLarge(relative, bytes.length, mtimeMs);
  const decoded = decodeNote(bytes);
  const record: NoteRecord = { path: relative, name, size: bytes.length, mtimeMs, scan: scanNote(decoded.text, name) };
  if (decoded.problem) record.problem = decoded.problem;
  return record;
}

function tooLarge(relative: string, size: number, mtimeMs: number): NoteRecord {
  const name = noteNameOf(relative);
  return { path: relative, name, size, mtimeMs, scan: scanNote('', name), problem: 'This note is too large to index.' };
}

/**
 * Reads and scans a note the vault listing just reported as a file (no stat, so `mtimeMs` is 0).
 * Small local files read synchronously cost far less CPU than `fs.promises.readFile`; this runs
 * on an index worker thread, or in short slices on the main thread. Null when the file vanished.
 */
export function readNoteRecordSync(root: string, relative: string): NoteRecord | null {
  try {
    return recordOf(relative, readFileSync(path.join(root, relative)), 0);
  } catch {
    return null; // Vanished between listing and reading: the watcher reports the removal.
  }
}

/** Reads and scans a note that changed on disk (with its mtime); null when it is gone or not a file. */
export async function readNoteRecord(root: string, relative: string): Promise<NoteRecord | null> {
  const absolute = path.join(root, relative);
  try {
    const stat = await fs.stat(absolute);
    if (!stat.isFile()) return null;
    if (stat.size > SCAN_LIMIT) return tooLarge(relative, stat.size, stat.mtimeMs);
    return recordOf(relative, await fs.readFile(absolute), stat.mtimeMs);
  } catch {
    return null;
  }
}

/** What a note is known as before it has been read: its name, nothing else (replaced once scanned). */
export function placeholderRecord(relative: string): NoteRecord {
  const name = noteNameOf(relative);
  return { path: relative, name, size: 0, mtimeMs: 0, scan: { title: name, aliases: [], tags: [], headings: [], blockIds: [], links: [], properties: {}, text: '' } };
}
