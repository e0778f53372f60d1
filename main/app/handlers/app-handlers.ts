import path from 'node:path';
import { RpcFailure } from '../../contract';
import type { HandlersFor } from '../../rpc/router';
import type { AppServices } from '../app-services';

/** Where the main-process log lives: `<userData>/logs/berth.log` (written by both hosts). */
export function logFileOf(userDataDir: string): string {
  return path.join(userDataDir, 'logs', 'berth.log');
}

/** Handlers for `app.*`: data folders, the logs folder, and the native menu's command state. */
export function appHandlers(services: Pick<AppServices, 'host' | 'userDataDir' | 'settings' | 'log'>): HandlersFor<'app'> {
  const { host, userDataDir, settings, log } = services;
  const logFile = logFileOf(userDataDir);
  return {
    'app.paths': () => ({
      userData: userDataDir,
      logsFolder: path.dirname(logFile),
      logFile,
      settingsFile: settings.path,
    }),
    'app.openLogsFolder': async () => {
      const folder = path.dirname(logFile);
      if (!host.openPath) return { path: folder, opened: false };
      const problem = await host.openPath(folder);
      if (problem) {
        log.warn('could not open the logs folder', { folder, problem });
        throw new RpcFailure('failed', `Could not open ${folder}: ${problem}`);
      }
      return { path: folder, opened: true };
    },
    'app.setAvailableCommands': ({ commands }) => {
      host.setAvailableCommands?.(commands);
      return { ok: true as const };
    },
  };
}
