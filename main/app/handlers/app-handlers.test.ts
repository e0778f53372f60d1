import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RpcFailure } from '../../contract';
import { silentLogger } from '../../services/logging/logger';
import { SettingsService } from '../../services/settings/settings-service';
import { confStoreFactory } from '../../services/settings/store-factory';
import type { HostCapabilities } from '../host-capabilities';
import { appHandlers } from './app-handlers';

function setup(host: Partial<HostCapabilities>) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-app-handlers-'));
  const settings = new SettingsService(confStoreFactory(userDataDir));
  const handlers = appHandlers({ host: { mode: 'web', openExternal: async () => undefined, ...host }, userDataDir, settings, log: silentLogger });
  const context = { transport: 'local' as const, peer: 'test' };
  return { userDataDir, handlers, context };
}

describe('app handlers', () => {
  it('tells where data, settings and the log live', async () => {
    const { handlers, userDataDir, context } = setup({});
    expect(await handlers['app.paths']({}, context)).toEqual({
      userData: userDataDir,
      logsFolder: path.join(userDataDir, 'logs'),
      logFile: path.join(userDataDir, 'logs', 'berth.log'),
      settingsFile: path.join(userDataDir, 'settings.json'),
    });
  });

  it('opens the logs folder on the desktop, and only reports it in web mode', async () => {
    const openPath = vi.fn(async () => '');
    const desktop = setup({ mode: 'electron', openPath });
    expect(await desktop.handlers['app.openLogsFolder']({}, desktop.context)).toEqual({ path: path.join(desktop.userDataDir, 'logs'), opened: true });
    expect(openPath).toHaveBeenCalledWith(path.join(desktop.userDataDir, 'logs'));
    const web = setup({});
    expect(await web.handlers['app.openLogsFolder']({}, web.context)).toEqual({ path: path.join(web.userDataDir, 'logs'), opened: false });
  });

  it('says why the folder could not be opened', async () => {
    const { handlers, context } = setup({ mode: 'electron', openPath: async () => 'No application knows how to open it' });
    await expect(handlers['app.openLogsFolder']({}, context)).rejects.toThrow(RpcFailure);
    await expect(handlers['app.openLogsFolder']({}, context)).rejects.toThrow(/No application knows how to open it/);
  });

  it('passes the registered commands to the native menu', async () => {
    const setAvailableCommands = vi.fn();
    const { handlers, context } = setup({ mode: 'electron', setAvailableCommands });
    expect(await handlers['app.setAvailableCommands']({ commands: ['app.settings'] }, context)).toEqual({ ok: true });
    expect(setAvailableCommands).toHaveBeenCalledWith(['app.settings']);
  });
});
