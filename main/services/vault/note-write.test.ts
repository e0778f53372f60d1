import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outlineNote } from './note-outline';
import { readRawNote, restyle, writeAtomic } from './note-write';
import { makeTempVault } from './test-vault';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => fs.rm(root, { recursive: true, force: true })));
});

describe('note editing helpers', () => {
  it('reads a note for editing and writes it back in its own style (BOM, CRLF), atomically', async () => {
    const root = await makeTempVault({ 'Windows.md': '\ufeff# Title\r\nline one\r\n' });
    roots.push(root);
    const file = path.join(root, 'Windows.md');
    const note = await readRawNote(file);
    expect(note).toMatchObject({ normalized: '# Title\nline one\n', eol: '\r\n', bom: true });
    await writeAtomic(file, restyle(`${note.normalized}line two\n`, note));
    expect(await fs.readFile(file, 'utf8')).toBe('\ufeff# Title\r\nline one\r\nline two\r\n');
    expect((await fs.readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the file untouched when the write fails', async () => {
    const root = await makeTempVault({ 'Kept.md': 'kept' });
    roots.push(root);
    await expect(writeAtomic(path.join(root, 'missing-folder', 'Kept.md'), 'new')).rejects.toThrow();
    expect(await fs.readFile(path.join(root, 'Kept.md'), 'utf8')).toBe('kept');
  });

  it('outlines a note into heading and bold-line sections with their line ranges', () => {
    const outline = outlineNote('# Volumes\nNamed volumes persist.\n\n**Bind mount**\nA host path.\n\n## Tmpfs\nIn memory.\n');
    expect(outline.sections.map((section) => [section.heading, section.kind, section.line, section.endLine])).toEqual([
      ['Volumes', 'heading', 1, 3],
      ['Bind mount', 'bold', 4, 6],
      ['Tmpfs', 'heading', 7, 9],
    ]);
    expect(outline.prose.map((line) => line.line)).toContain(2);
  });
});
