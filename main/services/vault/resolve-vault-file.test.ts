import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveVaultFile } from './resolve-vault-file';
import { makeTempVault } from './test-vault';

describe('resolveVaultFile confinement', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    root = await makeTempVault({ 'img/a b.png': 'png', 'Note.md': '# n', '.obsidian/app.json': '{}' });
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-outside-'));
    await fs.writeFile(path.join(outside, 'secret.txt'), 'secret');
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    await fs.symlink(outside, path.join(root, 'linkdir'));
    await fs.symlink(path.join(root, 'img/a b.png'), path.join(root, 'inside-link.png'));
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('serves files inside the vault with their type', async () => {
    const file = await resolveVaultFile(root, 'img/a b.png');
    expect(file.filePath).toBe(path.join(root, 'img/a b.png'));
    expect(file.mimeType).toBe('image/png');
    expect((await resolveVaultFile(root, 'Note.md')).mimeType).toMatch(/markdown/);
    expect((await resolveVaultFile(root, 'inside-link.png')).filePath).toBe(path.join(root, 'img/a b.png'));
  });
  it.each([
    ['../etc/passwd', /climbs out/],
    ['img/../../x', /climbs out/],
    ['/etc/passwd', /absolute/],
    ['C:\\Windows\\win.ini', /absolute/],
    ['\\\\server\\share\\x', /UNC/],
    ['//server/share/x', /UNC/],
    ['Note.md\0.png', /NUL/],
    ['link.txt', /outside the vault/],
    ['linkdir/secret.txt', /outside the vault/],
    ['.obsidian/app.json', /not served/],
    ['img', /folder/],
    ['', /empty/],
  ])('refuses %j', async (requested, message) => {
    await expect(resolveVaultFile(root, requested)).rejects.toThrow(message);
  });
  it('says clearly when a file is missing', async () => {
    await expect(resolveVaultFile(root, 'nope.png')).rejects.toThrow(/was not found in the vault/);
  });
});
