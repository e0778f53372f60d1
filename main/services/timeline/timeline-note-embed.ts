import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { RpcFailure } from '../../contract/errors';
import { headingKey } from '../vault/heading-key';
import { resolveVaultFile } from '../vault/resolve-vault-file';
import { outlineNote } from '../vault/note-outline';
import { readRawNote, restyle, writeAtomic } from '../vault/note-write';

interface UndoRecord {
  notePath: string;
  noteFile: string;
  attachmentFile: string;
  before: string;
  after: string;
}

const MAX_UNDO = 30;

/**
 * Where new attachments go in this vault: Obsidian's "Default location for new attachments"
 * (`attachmentFolderPath` in .obsidian/app.json: "/" the vault root, "./" or "./sub" next to the
 * note, anything else a vault folder) when the vault has the setting, else `attachments/`.
 */
export function attachmentFolder(root: string, notePath: string): string {
  let setting: unknown;
  try {
    setting = (
      JSON.parse(fs.readFileSync(path.join(root, '.obsidian', 'app.json'), 'utf8')) as {
        attachmentFolderPath?: unknown;
      }
    ).attachmentFolderPath;
  } catch {
    setting = undefined;
  }
  if (typeof setting !== 'string' || setting.trim() === '') return 'attachments';
  const value = setting.trim().replace(/\\/g, '/');
  if (value === '/') return '';
  const noteFolder = path.posix.dirname(notePath) === '.' ? '' : path.posix.dirname(notePath);
  const folder =
    value.startsWith('./') || value === '.' ? path.posix.join(noteFolder, value.slice(1)) : value;
  const clean = path.posix.normalize(folder).replace(/^\/+|\/+$/g, '');
  if (clean.split('/').includes('..')) return 'attachments';
  return clean === '.' ? '' : clean;
}

/** Inserts `![[file]]` at the end of a heading's section (or the note's end), separated by blank lines. */
export function insertEmbed(normalized: string, fileName: string, heading?: string): string {
  const lines = normalized.split('\n');
  let end = lines.length;
  if (heading) {
    const section = outlineNote(normalized).sections.find(
      (s) => headingKey(s.heading) === headingKey(heading),
    );
    if (!section)
      throw new RpcFailure(
        'conflict',
        `The heading "${heading}" is not in this note any more; reopen it and try again.`,
      );
    end = Math.min(section.endLine, lines.length);
  }
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  const block = ['', `![[${fileName}]]`];
  let rest = end;
  while (rest < lines.length && (lines[rest] ?? '').trim() === '') rest++;
  const after = lines.slice(rest);
  return [...lines.slice(0, end), ...block, ...(after.length ? ['', ...after] : [''])].join('\n');
}

/** Saves timeline pictures into a vault and embeds them in notes, on request, with undo. */
export class TimelineNoteEmbeds {
  private readonly undo = new Map<string, UndoRecord>();

  async save(
    root: string,
    notePath: string,
    heading: string | undefined,
    fileName: string,
    svg: string,
  ): Promise<{ attachment: string; path: string; undoToken: string }> {
    const note = await resolveVaultFile(root, notePath);
    const folder = attachmentFolder(root, notePath);
    const attachment = folder ? `${folder}/${fileName}` : fileName;
    const attachmentFile = path.join(root, ...attachment.split('/'));
    if (!path.resolve(attachmentFile).startsWith(path.resolve(root) + path.sep))
      throw new RpcFailure('forbidden', 'The attachment folder is outside the vault.');
    await fsp.mkdir(path.dirname(attachmentFile), { recursive: true });
    const raw = await readRawNote(note.filePath);
    const after = restyle(insertEmbed(raw.normalized, fileName, heading), raw);
    try {
      await fsp.writeFile(attachmentFile, svg, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new RpcFailure('conflict', `"${attachment}" already exists in the vault.`);
      throw error;
    }
    try {
      await writeAtomic(note.filePath, after);
    } catch (error) {
      await fsp.rm(attachmentFile, { force: true });
      throw error;
    }
    const undoToken = crypto.randomUUID();
    this.undo.set(undoToken, {
      notePath,
      noteFile: note.filePath,
      attachmentFile,
      before: raw.raw,
      after,
    });
    if (this.undo.size > MAX_UNDO) this.undo.delete(this.undo.keys().next().value as string);
    return { attachment, path: notePath, undoToken };
  }

  async undoSave(undoToken: string): Promise<{ path: string }> {
    const record = this.undo.get(undoToken);
    if (!record)
      throw new RpcFailure(
        'not-found',
        'This change can no longer be undone (Berth was restarted or it was already undone).',
      );
    const current = await readRawNote(record.noteFile).catch(() => null);
    if (current === null || current.raw !== record.after) {
      throw new RpcFailure(
        'conflict',
        `"${record.notePath}" changed after the picture was added, so undo would lose those edits; remove the embed by hand.`,
      );
    }
    await writeAtomic(record.noteFile, record.before);
    await fsp.rm(record.attachmentFile, { force: true });
    this.undo.delete(undoToken);
    return { path: record.notePath };
  }
}
