import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { NoteProperty, RenderedNoteView } from '../../contract';
import { RpcFailure } from '../../contract/errors';
import { decodeNote } from './note-source';
import type { NoteLookup, RenderedNote } from './render-note';
import { resolveVaultFile, type ResolvedVaultFile } from './resolve-vault-file';
import type { VaultIndex } from './vault-index';
import { fileKindOf, noteNameOf } from './vault-paths';

/** Notes above this size are read for rendering up to their render limit only. */
const READ_LIMIT = 12_000_000;

/** A note's source as read for rendering. */
export interface NoteSource {
  text: string;
  problem?: string;
  /** The file holds binary data (`text` is empty, `problem` says so). */
  binary: boolean;
  mtimeMs: number;
}

/** Frontmatter properties as the reader lists them (dates as days, objects as JSON). */
export function propertyList(properties: Record<string, unknown>): NoteProperty[] {
  return Object.entries(properties).map(([key, value]) => ({
    key,
    value: Array.isArray(value)
      ? value.map((item) => (typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item)))
      : typeof value === 'object' && value !== null
        ? value instanceof Date
          ? value.toISOString().slice(0, 10)
          : JSON.stringify(value)
        : value === null || value === undefined
          ? ''
          : String(value),
  }));
}

/** How the renderer asks the index about other notes (links, embeds, their headings and sources). */
export function noteLookup(index: VaultIndex): NoteLookup {
  return {
    resolver: index.resolver,
    scanOf: (notePath) => index.scanOf(notePath),
    sourceOf: (notePath) => {
      try {
        const bytes = fs.readFileSync(path.join(index.root, notePath));
        const decoded = decodeNote(bytes.subarray(0, READ_LIMIT));
        return decoded.binary ? null : decoded.text;
      } catch {
        return null;
      }
    },
  };
}

/** Reads a markdown note of the vault (up to `limit` bytes), with a readable refusal for anything else. */
export async function readNoteSource(root: string, notePath: string, limit = READ_LIMIT): Promise<NoteSource> {
  if (fileKindOf(notePath) !== 'note') throw new RpcFailure('invalid-params', `"${notePath}" is not a markdown note.`);
  let file: ResolvedVaultFile;
  try {
    file = await resolveVaultFile(root, notePath);
  } catch (error) {
    if (error instanceof RpcFailure && error.code === 'not-found') throw new RpcFailure('not-found', `The note "${notePath}" was not found: it does not exist in the vault (it may have been moved or deleted).`);
    throw error;
  }
  const handle = await fsp.open(file.filePath, 'r');
  try {
    const stat = await handle.stat();
    const buffer = Buffer.alloc(Math.min(stat.size, limit));
    await handle.read(buffer, 0, buffer.length, 0);
    const decoded = decodeNote(buffer);
    const result: NoteSource = { text: decoded.text, binary: decoded.binary, mtimeMs: stat.mtimeMs };
    if (decoded.problem) result.problem = decoded.problem;
    return result;
  } finally {
    await handle.close();
  }
}

/** What the reader gets for a rendered note: its first screen (or all of it), facts and problems. */
export function noteView(
  notePath: string,
  source: NoteSource,
  rendered: RenderedNote,
  renderMs: number,
  rest?: { stream: string; from: number },
): RenderedNoteView {
  return {
    path: notePath,
    name: noteNameOf(notePath),
    html: rendered.html,
    headings: rendered.headings,
    properties: propertyList(rendered.properties),
    tags: rendered.scan.tags,
    aliases: rendered.scan.aliases,
    problems: source.problem ? [source.problem, ...rendered.problems] : rendered.problems,
    truncated: rendered.truncated,
    plainText: rendered.plainText,
    text: rendered.scan.text,
    mtimeMs: source.mtimeMs,
    renderMs: Math.round(renderMs * 10) / 10,
    ...(rest ? { rest } : {}),
  };
}
