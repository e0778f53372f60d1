import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInRunFolder } from './run-folder-path';

describe('resolveInRunFolder', () => {
  it('allows paths inside the run folder, existing or not', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runfolder-'));
    expect(resolveInRunFolder(work, 'data/a.txt')).toBe(path.join(work, 'data/a.txt'));
    expect(resolveInRunFolder(work, '.')).toBe(work);
  });

  it('refuses climbing out and absolute paths', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runfolder-'));
    expect(() => resolveInRunFolder(work, '../x')).toThrow(/outside the run folder/);
    expect(() => resolveInRunFolder(work, '/etc/passwd')).toThrow(/outside the run folder/);
  });

  it('refuses a symlink a container planted that leads out (ln -s /etc data/etc)', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-runfolder-'));
    fs.mkdirSync(path.join(work, 'data'));
    fs.symlinkSync('/etc', path.join(work, 'data', 'etc'));
    fs.symlinkSync('/etc/hostname', path.join(work, 'data', 'name'));
    expect(() => resolveInRunFolder(work, 'data/etc/passwd')).toThrow(/symbolic link/);
    expect(() => resolveInRunFolder(work, 'data/etc/new/dir')).toThrow(/symbolic link/);
    expect(() => resolveInRunFolder(work, 'data/name')).toThrow(/symbolic link/);
    fs.symlinkSync(path.join(work, 'data'), path.join(work, 'inside'));
    expect(resolveInRunFolder(work, 'inside/x')).toBe(path.join(work, 'inside/x'));
  });
});
