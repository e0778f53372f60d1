import crypto from 'node:crypto';
import { RpcFailure } from '../../contract/errors';
import type { Demo } from '../demos/demo-schema';
import { headingKey } from '../vault/heading-key';
import { resolveVaultFile } from '../vault/resolve-vault-file';
import { outlineNote, type NoteSection } from '../vault/note-outline';
import { readRawNote, restyle, writeAtomic } from '../vault/note-write';

interface UndoRecord {
  root: string;
  notePath: string;
  filePath: string;
  before: string;
  after: string;
}

const MAX_UNDO = 50;

/** Adds ```berth-demo``` blocks to a student's note on request, and takes them back out. */
export class DemoBlockEdits {
  private readonly undo = new Map<string, UndoRecord>();

  constructor(private readonly findDemo: (id: string) => Demo | undefined) {}

  /** Writes the block at the end of the heading's section; returns a token for `undoAdd`. */
  async add(
    root: string,
    notePath: string,
    heading: string,
    line: number,
    demoId: string,
  ): Promise<{ path: string; undoToken: string }> {
    const demo = this.findDemo(demoId);
    if (!demo)
      throw new RpcFailure('not-found', `There is no demo "${demoId}" in this version of Berth.`);
    const file = await resolveVaultFile(root, notePath);
    const note = await readRawNote(file.filePath);
    const section = findSection(outlineNote(note.normalized).sections, heading, line);
    if (!section)
      throw new RpcFailure(
        'conflict',
        `The heading "${heading}" is no longer in "${notePath}"; reopen the note and try again.`,
      );
    if (section.demoBlocks.includes(demoId))
      throw new RpcFailure(
        'conflict',
        `"${section.heading}" already has the demo "${demo.title}".`,
      );
    const caption = demo.claims?.[0] ?? demo.summary;
    const after = restyle(insertDemoBlock(note.normalized, section, demoId, caption), note);
    await writeAtomic(file.filePath, after);
    const undoToken = crypto.randomUUID();
    this.undo.set(undoToken, { root, notePath, filePath: file.filePath, before: note.raw, after });
    if (this.undo.size > MAX_UNDO) this.undo.delete(this.undo.keys().next().value as string);
    return { path: notePath, undoToken };
  }

  /** Puts the note back as it was before `add`, only when nobody changed it since. */
  async undoAdd(undoToken: string): Promise<{ path: string }> {
    const record = this.undo.get(undoToken);
    if (!record)
      throw new RpcFailure(
        'not-found',
        'This change can no longer be undone (Berth was restarted or it was already undone).',
      );
    const current = await readRawNote(record.filePath).catch(() => null);
    if (current === null)
      throw new RpcFailure(
        'conflict',
        `"${record.notePath}" was moved or deleted since the demo was added; nothing was undone.`,
      );
    if (current.raw !== record.after) {
      throw new RpcFailure(
        'conflict',
        `"${record.notePath}" was edited after the demo was added, so undo would lose those edits; remove the berth-demo block by hand.`,
      );
    }
    await writeAtomic(record.filePath, record.before);
    this.undo.delete(undoToken);
    return { path: record.notePath };
  }
}

/** The section under `heading`: at `line` when it is still there, else the one heading of that name. */
function findSection(
  sections: readonly NoteSection[],
  heading: string,
  line: number,
): NoteSection | undefined {
  const key = headingKey(heading);
  const named = sections.filter((section) => headingKey(section.heading) === key);
  return (
    named.find((section) => section.line === line) ?? (named.length === 1 ? named[0] : undefined)
  );
}

/**
 * The note with a ```berth-demo ID``` block at the end of a section: after its last non-blank
 * line, separated by one blank line from the text above and below.
 */
function insertDemoBlock(
  normalized: string,
  section: Pick<NoteSection, 'line' | 'endLine'>,
  demoId: string,
  caption: string,
): string {
  const lines = normalized.split('\n');
  let last = Math.min(section.endLine, lines.length);
  while (last > section.line && (lines[last - 1] ?? '').trim() === '') last--;
  const block = ['', '```berth-demo ' + demoId, caption.replace(/\s*\n\s*/g, ' ').trim(), '```'];
  const after = lines.slice(last);
  if (after.length && (after[0] ?? '').trim() !== '') block.push('');
  return [...lines.slice(0, last), ...block, ...after].join('\n');
}
