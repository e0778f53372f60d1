import { useState } from 'react';
import { getApi, useQuery } from '../../api';
import { formatRelativeTime } from '../../ui/format-time';
import './vault-trust-setting.css';

/** Settings › Demos: the vaults allowed to run the demos written in their notes, each revocable. */
export function VaultTrustSetting() {
  const trusted = useQuery('vaultDemos.trusted', {}, { invalidateOn: ['vaultDemos.trustChanged'] });
  const [error, setError] = useState<string>();
  const vaults = trusted.data?.vaults ?? [];
  return (
    <div className="setting" data-setting="vault-trust">
      <span className="setting-label">Vaults allowed to run their own demos</span>
      <p className="setting-description">
        A <code>berth-demo</code> block in a note can define its own demo in YAML. Berth shows its
        steps and asks once per vault before the first run; dangerous requests (privileged
        containers, host folders, foreign images, compose) are refused either way.
      </p>
      {vaults.length === 0 ? (
        <p className="muted vault-trust-empty">
          {trusted.data ? 'No vault is trusted yet.' : 'Loading…'}
        </p>
      ) : (
        <ul className="vault-trust-list">
          {vaults.map((vault) => (
            <li key={vault.path}>
              <code title={vault.path}>{vault.path}</code>
              <span className="muted">trusted {formatRelativeTime(vault.grantedAt)}</span>
              <button
                type="button"
                className="btn btn-sm"
                aria-label={`Revoke trust for ${vault.path}`}
                onClick={() => {
                  setError(undefined);
                  getApi()
                    .call('vaultDemos.revoke', { vaultPath: vault.path })
                    .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
                }}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="setting-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
