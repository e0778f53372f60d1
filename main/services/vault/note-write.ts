import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { normalizeText } from './note-source';

/** A note's bytes as text, with what must be kept when writing it back (BOM, CRLF). */
export interface RawNote {
  raw: string;
  normalized: string;
  eol: '\n' | '\r\n';
  bom: boolean;
}

/** Reads a note for editing: the exact text, its normalized form and its line ending style. */
export async function readRawNote(filePath: string): Promise<RawNote> {
  const raw = await fsp.readFile(filePath, 'utf8');
  return {
    raw,
    normalized: normalizeText(raw),
    eol: raw.includes('\r\n') ? '\r\n' : '\n',
    bom: raw.charCodeAt(0) === 0xfeff,
  };
}

/** Turns normalized text back into the note's own style (BOM, line endings). */
export function restyle(normalized: string, note: RawNote): string {
  const text = note.eol === '\r\n' ? normalized.replace(/\n/g, '\r\n') : normalized;
  return note.bom ? `\ufeff${text}` : text;
}

/** Writes a file atomically: a temporary file in the same folder, then a rename over it. */
export async function writeAtomic(filePath: string, content: string): Promise<void> {
  const temp = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.berth-${crypto.randomBytes(6).toString('hex')}.tmp`,
  );
  const mode = await fsp.stat(filePath).then(
    (stat) => stat.mode & 0o777,
    () => 0o644,
  );
  try {
    await fsp.writeFile(temp, content, { mode, flag: 'wx' });
    await fsp.rename(temp, filePath);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
}
