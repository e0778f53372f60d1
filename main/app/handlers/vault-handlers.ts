import type { HandlersFor } from '../../rpc/router';
import type { VaultService } from '../../services/vault/vault-service';

/** Handlers for `vault.*`. Every query waits for the vault being opened, if any. */
export function vaultHandlers(vault: VaultService): HandlersFor<'vault'> {
  return {
    'vault.info': async () => {
      await vault.whenReady();
      return vault.info();
    },
    'vault.open': ({ path }) => vault.open(path),
    'vault.tree': async () => {
      await vault.whenReady();
      return vault.tree();
    },
    'vault.readNote': async ({ path }) => {
      await vault.whenReady();
      return vault.readNote(path);
    },
    'vault.search': async ({ query, limit }) => {
      await vault.whenReady();
      return vault.search(query, limit);
    },
    'vault.quickSwitch': async ({ query, limit }) => {
      await vault.whenReady();
      return vault.quickSwitch(query, limit);
    },
    'vault.backlinks': async ({ path }) => {
      await vault.whenReady();
      return vault.backlinks(path);
    },
    'vault.tags': async ({ tag }) => {
      await vault.whenReady();
      return vault.tags(tag);
    },
    'vault.resolveLink': async ({ target, from }) => {
      await vault.whenReady();
      return vault.resolveLink(target, from);
    },
    'vault.createNote': async ({ name, folder }) => {
      await vault.whenReady();
      return vault.createNote(name, folder);
    },
    'vault.setTask': async ({ path, line, done, mtimeMs }) => {
      await vault.whenReady();
      return vault.setTask(path, line, done, mtimeMs);
    },
    'vault.exportHtml': async ({ path }) => {
      await vault.whenReady();
      return vault.exportHtml(path);
    },
    'vault.pickFolder': () => vault.pickFolder(),
    'vault.rememberNote': async ({ path }) => {
      await vault.whenReady();
      return vault.rememberNote(path);
    },
  };
}
