import type { HandlersFor } from '../../rpc/router';
import type { VaultDemoService } from '../../services/demos/vault/vault-demo-service';

/** Handlers for `vaultDemos.*`: demos written in the open vault's notes, and per-vault trust. */
export function vaultDemosHandlers(vaultDemos: VaultDemoService): HandlersFor<'vaultDemos'> {
  return {
    'vaultDemos.list': ({ path }) => vaultDemos.list(path),
    'vaultDemos.start': ({ path, index }) => vaultDemos.start(path, index),
    'vaultDemos.trust': () => vaultDemos.trustCurrent(),
    'vaultDemos.trusted': () => ({ vaults: vaultDemos.trusted() }),
    'vaultDemos.revoke': ({ vaultPath }) => {
      const revoked = vaultDemos.revoke(vaultPath);
      return { revoked, vaults: vaultDemos.trusted() };
    },
  };
}
