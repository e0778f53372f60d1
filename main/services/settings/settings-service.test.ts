import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, normalizeSettings, SETTINGS_VERSION } from './settings-schema';
import { SettingsService } from './settings-service';
import { confStoreFactory, type CorruptStoreBackup } from './store-factory';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'berth-settings-'));

describe('SettingsService', () => {
  it('starts with defaults and persists updates atomically to one file', () => {
    const dir = tempDir();
    const settings = new SettingsService(confStoreFactory(dir));
    expect(settings.get()).toEqual(defaultSettings);
    settings.update({ theme: 'dark', fontSize: 17 });
    const reopened = new SettingsService(confStoreFactory(dir));
    expect(reopened.get()).toMatchObject({ theme: 'dark', fontSize: 17 });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('rejects an invalid update as a whole and keeps the old values', () => {
    const settings = new SettingsService(confStoreFactory(tempDir()));
    expect(() => settings.update({ fontSize: 400 })).toThrow(/fontSize/);
    expect(settings.get().fontSize).toBe(defaultSettings.fontSize);
  });

  it('keeps recent vaults unique, newest first', () => {
    const settings = new SettingsService(confStoreFactory(tempDir()));
    settings.rememberVault('/a');
    settings.rememberVault('/b');
    settings.rememberVault('/a');
    expect(settings.get().recentVaults).toEqual(['/a', '/b']);
    expect(settings.get().lastVault).toBe('/a');
  });

  it('moves a corrupt file aside as a dated backup instead of wiping it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"theme": "dark", oops');
    const backups: CorruptStoreBackup[] = [];
    const settings = new SettingsService(confStoreFactory(dir, (b) => backups.push(b)));
    expect(settings.get().theme).toBe('system');
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(backups[0]!.backup, 'utf8')).toBe('{"theme": "dark", oops');
    expect(path.basename(backups[0]!.backup)).toMatch(/^settings\.corrupt-\d{4}-\d{2}-\d{2}T.*\.json$/);
  });

  it('keeps the valid fields of a hand-edited file and resets only the bad ones', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', fontSize: 'huge', recentVaults: ['/x'] }));
    const settings = new SettingsService(confStoreFactory(dir));
    expect(settings.get()).toMatchObject({ theme: 'dark', fontSize: defaultSettings.fontSize, recentVaults: ['/x'], version: SETTINGS_VERSION });
    expect(settings.droppedOnLoad).toEqual(['fontSize']);
  });

  it('migrates a version-0 document', () => {
    expect(normalizeSettings({ theme: 'light' }).settings).toMatchObject({ version: SETTINGS_VERSION, theme: 'light' });
  });

  it('migrates a version-1 file on disk to the current version, keeping every value and adding the new defaults', () => {
    const dir = tempDir();
    const v1 = { version: 1, theme: 'dark', fontSize: 18, dockerHost: 'tcp://10.0.0.2:2375', demoImage: '', recentVaults: ['/v'], lastNotes: {}, paneSizes: { dock: 500 } };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v1));
    const settings = new SettingsService(confStoreFactory(dir));
    expect(settings.get()).toMatchObject({ ...v1, version: SETTINGS_VERSION, zoom: 1, notifyDemoFinished: true, hiddenPanes: [], demoSuggestions: true });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ version: SETTINGS_VERSION, zoom: 1, theme: 'dark', demoSuggestions: true });
  });

  it('stores zoom, notifications and hidden panes, and rejects nonsense', () => {
    const dir = tempDir();
    const settings = new SettingsService(confStoreFactory(dir));
    settings.update({ zoom: 1.25, notifyDemoFinished: false, hiddenPanes: ['dock'] });
    expect(new SettingsService(confStoreFactory(dir)).get()).toMatchObject({ zoom: 1.25, notifyDemoFinished: false, hiddenPanes: ['dock'] });
    expect(() => settings.update({ zoom: 9 })).toThrow(/zoom/);
    expect(() => settings.update({ hiddenPanes: ['everything'] as never })).toThrow(/hiddenPanes/);
    expect(settings.get().zoom).toBe(1.25);
  });
});
