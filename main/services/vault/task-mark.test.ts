import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { setTaskMarkInLine } from './task-mark';
import { makeTempVault } from './test-vault';
import { volatileVaultMemory } from './vault-memory';
import { VaultService } from './vault-service';

const services: VaultService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
});

async function open(files: Record<string, string>) {
  const root = await makeTempVault(files);
  const service = new VaultService({
    bundledVaultDir: root,
    publish: () => undefined,
    log: silentLogger,
    memory: volatileVaultMemory(),
    settleMs: 20,
  });
  services.push(service);
  await service.open(root);
  return { root, service };
}

const NOTE =
  '---\ntags: [docker]\n---\n**Todo** for the lab\r\n- [ ] pull the image\r\n  - [x] read about `[ ]` boxes\r\n> - [ ] quoted task\r\n1. [ ] numbered\n';

describe('setTaskMarkInLine', () => {
  it('changes only the box character', () => {
    expect(setTaskMarkInLine('- [ ] pull [ ] it', true)).toBe('- [x] pull [ ] it');
    expect(setTaskMarkInLine('  * [X] done\r', false)).toBe('  * [ ] done\r');
    expect(setTaskMarkInLine('> 1. [ ] quoted', true)).toBe('> 1. [x] quoted');
    expect(setTaskMarkInLine('- not a task [ ]', true)).toBeNull();
  });
});

describe('VaultService.setTask', () => {
  it('ticks the rendered line in the file and nothing else, and unticks it again', async () => {
    const { root, service } = await open({ 'Lab.md': NOTE });
    const note = await service.readNote('Lab.md');
    const lines = [...note.html.matchAll(/data-line="(\d+)"/g)].map((match) => Number(match[1]));
    expect(lines).toEqual([5, 6, 7, 8]);
    const ticked = await service.setTask('Lab.md', 5, true, note.mtimeMs);
    const after = await fs.readFile(path.join(root, 'Lab.md'), 'utf8');
    expect(after).toBe(NOTE.replace('- [ ] pull', '- [x] pull'));
    await service.setTask('Lab.md', 5, false, ticked.mtimeMs);
    expect(await fs.readFile(path.join(root, 'Lab.md'), 'utf8')).toBe(NOTE);
    expect((await fs.readdir(root)).filter((name) => name.includes('berth-tmp'))).toEqual([]);
  });

  it('refuses when the file changed since it was shown, and when the line is no task', async () => {
    const { root, service } = await open({ 'Lab.md': NOTE });
    const note = await service.readNote('Lab.md');
    await fs.writeFile(path.join(root, 'Lab.md'), `${NOTE}- [ ] new line from the editor\n`);
    await fs.utimes(path.join(root, 'Lab.md'), new Date(), new Date(Date.now() + 5000));
    await expect(service.setTask('Lab.md', 5, true, note.mtimeMs)).rejects.toThrow(
      /changed on disk/,
    );
    const fresh = await service.readNote('Lab.md');
    await expect(service.setTask('Lab.md', 4, true, fresh.mtimeMs)).rejects.toThrow(
      /no longer a task/,
    );
    expect(await fs.readFile(path.join(root, 'Lab.md'), 'utf8')).toBe(
      `${NOTE}- [ ] new line from the editor\n`,
    );
  });
});
