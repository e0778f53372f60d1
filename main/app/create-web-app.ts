import type { Logger } from '../services/logging/logger';
import type { NoticeBoard } from '../services/logging/notice-board';
import { confStoreFactory } from '../services/settings/store-factory';
import { vaultFileRoute } from '../services/vault/vault-file-route';
import { openWithSystem } from '../web/open-browser';
import type { WebRoute } from '../web/web-server';
import { createApp, type BerthApp } from './create-app';
import { bundledVaultDir, readAppVersion } from './paths';

export interface WebAppOptions {
  appRoot: string;
  userDataDir: string;
  log: Logger;
  notices: NoticeBoard;
  vaultDir?: string;
  /** Why Berth runs in web mode, shown in the app. */
  reason?: string;
}

/**
 * The app's services for the web host, with its attachment route. The web host loads this module
 * after it listens: Docker's client, the stores and the vault's code load while the browser
 * already fetches the page.
 */
export function createWebApp(options: WebAppOptions): { app: BerthApp; vaultRoute: WebRoute } {
  const { log, notices, userDataDir } = options;
  const app = createApp({
    version: readAppVersion(options.appRoot),
    host: {
      mode: 'web',
      modeReason: options.reason ?? 'started in web mode',
      openExternal: async (url) => {
        if (!(await openWithSystem(url))) log.warn('no system browser to open a link');
      },
    },
    log,
    userDataDir,
    storeFactory: confStoreFactory(userDataDir, (backup) => {
      log.warn('store was unreadable and was moved aside', { ...backup });
      notices.record({
        level: 'warning',
        message: `A settings file could not be read and was kept as ${backup.backup}; Berth started with defaults.`,
      });
    }),
    notices,
    bundledVaultDir: bundledVaultDir(options.appRoot),
    ...(options.vaultDir ? { vaultDir: options.vaultDir } : {}),
  });
  return { app, vaultRoute: vaultFileRoute((requested) => app.services.vault.resolveFile(requested)) };
}
