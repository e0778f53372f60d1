import type { HandlersFor } from '../../rpc/router';
import { RpcFailure } from '../../contract/errors';
import type { HostCapabilities } from '../host-capabilities';
import type { VaultService } from '../../services/vault/vault-service';
import { encodeVaultPath } from '../../services/vault/vault-paths';

/**
 * Handlers for `vault.*`. Every query waits for the vault being opened, if any: to be listed
 * (tree, info, notes), or to be completely indexed (search, links, backlinks, tags, export).
 */
export function vaultHandlers(
  vault: VaultService,
  host: Pick<HostCapabilities, 'openPath'> = {},
): HandlersFor<'vault'> {
  return {
    'vault.openAttachment': async ({ path }) => {
      await vault.whenReady();
      const file = await vault.resolveFile(path);
      if (!host.openPath) return { opened: false, url: `/vault-file/${encodeVaultPath(path)}` };
      const problem = await host.openPath(file.filePath);
      if (problem) throw new RpcFailure('failed', `Could not open ${path}: ${problem}`);
      return { opened: true };
    },
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
    'vault.readNoteRest': ({ stream, from }) => vault.readNoteRest(stream, from),
    'vault.closeNoteRest': ({ stream }) => {
      vault.closeNoteRest(stream);
      return null;
    },
    'vault.search': async ({ query, limit }) => {
      await vault.whenIndexed();
      return vault.search(query, limit);
    },
    'vault.quickSwitch': async ({ query, limit }) => {
      await vault.whenIndexed();
      return vault.quickSwitch(query, limit);
    },
    'vault.backlinks': async ({ path }) => {
      await vault.whenIndexed();
      return vault.backlinks(path);
    },
    'vault.tags': async ({ tag }) => {
      await vault.whenIndexed();
      return vault.tags(tag);
    },
    'vault.resolveLink': async ({ target, from }) => {
      await vault.whenIndexed();
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
      await vault.whenIndexed();
      return vault.exportHtml(path);
    },
    'vault.pickFolder': () => vault.pickFolder(),
    'vault.rememberNote': async ({ path }) => {
      await vault.whenReady();
      return vault.rememberNote(path);
    },
  };
}
