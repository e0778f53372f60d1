import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Publish } from '../../contract';
import { SettingsService } from '../settings/settings-service';
import { confStoreFactory } from '../settings/store-factory';
import { makeTempVault } from '../vault/test-vault';
import { createSuggestionsService } from './create-suggestions';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe('createSuggestionsService', () => {
  it('follows the demoSuggestions setting, publishes suggestions.changed on toggle, and treats the bundled vault as read-only', async () => {
    const vault = await makeTempVault({ 'n.md': '## tmpfs\nRAM only\n' });
    const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-suggest-app-'));
    dirs.push(vault, userData);
    const settings = new SettingsService(confStoreFactory(userData));
    expect(settings.get().demoSuggestions).toBe(true);
    const events: string[] = [];
    const publish = ((name: string) => events.push(name)) as Publish;
    const root = vault;
    const service = createSuggestionsService({
      settings,
      storeFactory: confStoreFactory(userData),
      hub: { publish },
      vault: {
        get root() {
          return root;
        },
      },
      bundledVaultDir: vault,
    });

    expect((await service.forNote('n.md')).sections[0]?.demos[0]?.id).toBe('tmpfs-is-ephemeral');
    settings.update({ demoSuggestions: false });
    expect(events).toEqual(['suggestions.changed']);
    expect(await service.forNote('n.md')).toEqual({ enabled: false, sections: [], flags: [] });
    settings.update({ zoom: 1.1 });
    expect(events).toHaveLength(1);
    settings.update({ demoSuggestions: true });
    expect(events).toHaveLength(2);

    await expect(service.addToNote('n.md', 'tmpfs', 1, 'tmpfs-is-ephemeral')).rejects.toThrow(
      /bundled study vault/,
    );
    expect(new SettingsService(confStoreFactory(userData)).get().demoSuggestions).toBe(true);
  });

  it('fills demoSuggestions in for settings stored before it existed', async () => {
    const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'berth-suggest-old-'));
    dirs.push(userData);
    await fs.writeFile(
      path.join(userData, 'settings.json'),
      JSON.stringify({ version: 2, theme: 'dark', zoom: 1.25 }),
    );
    const settings = new SettingsService(confStoreFactory(userData));
    expect(settings.get()).toMatchObject({ theme: 'dark', zoom: 1.25, demoSuggestions: true });
  });
});
