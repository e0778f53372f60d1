import type { Publish } from '../../contract';
import type { Logger } from '../logging/logger';
import { encodeVaultPath } from './vault-paths';
import { settingsVaultMemory, type VaultSettingsStore } from './vault-memory';
import { readerUrls, type RenderUrls } from './render-note';
import { VaultService } from './vault-service';

/** Scheme of the Electron protocol that serves vault attachments (registered in main/index.ts). */
export const VAULT_PROTOCOL = 'berth-vault';

export interface AppVaultOptions {
  host: { mode: 'electron' | 'web'; pickFolder?: () => Promise<string | null> };
  settings: VaultSettingsStore;
  hub: { publish: Publish };
  log: Logger;
  bundledVaultDir: string;
  bundledVaultReadOnly?: boolean;
}

/** An app-level vault service that falls back to the bundled vault when the initial one fails. */
export class AppVaultService extends VaultService {
  constructor(private readonly bundledDir: string, options: ConstructorParameters<typeof VaultService>[0]) {
    super(options);
  }

  /** Opens the start-up vault; if it cannot be opened, opens the bundled one instead. */
  async openInitial(dir: string): Promise<void> {
    try {
      await this.open(dir);
    } catch (error) {
      if (this.stopped) return; // closing while it opened: nothing to fall back to
      const reason = error instanceof Error ? error.message : String(error);
      this.options.log.warn('could not open the start-up vault', { dir, reason });
      if (dir === this.bundledDir) return;
      this.options.publish('system.notice', { level: 'warning', message: `The vault "${dir}" could not be opened (${reason}); showing the bundled notes instead.` });
      await this.open(this.bundledDir).catch(() => undefined);
    }
  }
}

/** How the reader addresses vault files on this host: Electron's protocol, or the web host's route. */
export function vaultUrlsFor(mode: 'electron' | 'web'): RenderUrls {
  return mode === 'electron' ? { ...readerUrls, attachmentUrl: (path: string) => `${VAULT_PROTOCOL}://vault/${encodeVaultPath(path)}` } : readerUrls;
}

/** Builds the vault service the way both hosts need it (attachment URLs differ by host). */
export function createAppVaultService(options: AppVaultOptions): AppVaultService {
  const urls = vaultUrlsFor(options.host.mode);
  return new AppVaultService(options.bundledVaultDir, {
    bundledVaultDir: options.bundledVaultDir,
    ...(options.bundledVaultReadOnly ? { bundledVaultReadOnly: true } : {}),
    publish: options.hub.publish,
    log: options.log.child('vault'),
    memory: settingsVaultMemory(options.settings),
    urls,
    ...(options.host.pickFolder ? { pickFolder: options.host.pickFolder } : {}),
  });
}
