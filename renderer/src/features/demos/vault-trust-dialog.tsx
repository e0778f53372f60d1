import { useState } from 'react';
import type { VaultDemo } from '@contract';
import { getApi } from '../../api';
import { Dialog } from '../../ui/dialog';

/**
 * Asked once per vault before its first own demo runs: every step with the `docker` command it
 * amounts to, and where the trust can be taken back.
 */
export function VaultTrustDialog({
  demo,
  vaultPath,
  onClose,
  onTrusted,
}: {
  demo: VaultDemo;
  vaultPath: string;
  onClose: () => void;
  onTrusted: () => void;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const trust = async () => {
    setBusy(true);
    try {
      await getApi().call('vaultDemos.trust', {});
      onTrusted();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Run demos written in this vault?"
      onClose={onClose}
      className="vault-trust-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Not now
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void trust()}
          >
            Trust this vault and run
          </button>
        </>
      }
    >
      <p className="vault-trust-lead">
        “{demo.title}” comes from a note in <code className="vault-trust-path">{vaultPath}</code>,
        not from Berth. It will run these commands against your Docker:
      </p>
      <ol className="vault-trust-steps" tabIndex={0} aria-label="Steps and their docker commands">
        {demo.steps.map((step, i) => (
          <li key={i}>
            <div className="vault-trust-step-title">{step.title}</div>
            <pre className="vault-trust-cli">
              <code>{step.cli}</code>
            </pre>
          </li>
        ))}
      </ol>
      <p className="vault-trust-fine">
        Berth checked them: no privileged containers, host namespaces, devices, host folders or
        foreign images; everything is labelled and removed afterwards. <code>RUN</code> stands for
        the run’s own id. You are asked once for this vault; take it back in Settings › Demos.
      </p>
      {error && (
        <p className="demo-start-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
