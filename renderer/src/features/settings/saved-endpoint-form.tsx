import { useId, useState, type FormEvent } from 'react';
import { getApi } from '../../api';

const EXAMPLES = [
  { label: 'Podman', url: 'unix:///run/podman/podman.sock' },
  { label: 'Remote over SSH', url: 'ssh://me@build-box' },
  { label: 'Remote over TLS', url: 'tcp://10.0.0.5:2376' },
];

/**
 * Adds an endpoint to Berth's own list: a name, a URL (unix://, tcp://, ssh://) and, for TLS,
 * the folder with ca.pem, cert.pem and key.pem. A refused value stays in the form with the reason.
 */
export function SavedEndpointForm({ taken }: { taken: string[] }) {
  const id = useId();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [certDir, setCertDir] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const replaces = taken.includes(name.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await getApi().call('engines.saveEndpoint', { name: name.trim(), url: url.trim(), ...(certDir.trim() ? { certDir: certDir.trim() } : {}) });
      setSaved(name.trim());
      setName('');
      setUrl('');
      setCertDir('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="endpoint-form" aria-labelledby={`${id}-title`} onSubmit={(event) => void submit(event)}>
      <h4 id={`${id}-title`} className="endpoint-form-title">
        Add an endpoint
      </h4>
      <div className="endpoint-form-grid">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} className="text-input" value={name} placeholder="Podman" autoComplete="off" spellCheck={false} onChange={(e) => { setName(e.target.value); setSaved(null); }} />
        <label htmlFor={`${id}-url`}>URL</label>
        <div className="endpoint-form-url">
          <input
            id={`${id}-url`}
            className="text-input mono"
            value={url}
            placeholder="unix:///run/podman/podman.sock"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(error)}
            aria-describedby={`${id}-url-hint${error ? ` ${id}-error` : ''}`}
            onChange={(e) => { setUrl(e.target.value); setError(null); setSaved(null); }}
          />
          <p className="setting-description" id={`${id}-url-hint`}>
            For example{' '}
            {EXAMPLES.map((example, i) => (
              <span key={example.url}>
                {i > 0 && ', '}
                <button type="button" className="link-button" onClick={() => { setUrl(example.url); if (!name) setName(example.label); }}>
                  <code>{example.url}</code>
                </button>
              </span>
            ))}
            .
          </p>
        </div>
        <label htmlFor={`${id}-certs`}>TLS certificates</label>
        <div>
          <input id={`${id}-certs`} className="text-input mono" value={certDir} placeholder="Optional: folder with ca.pem, cert.pem, key.pem" autoComplete="off" spellCheck={false} onChange={(e) => setCertDir(e.target.value)} />
        </div>
      </div>
      {error && (
        <p className="setting-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {saved && !error && (
        <p className="setting-saved endpoint-form-saved" role="status">
          Saved “{saved}”. Use it here or from the status bar.
        </p>
      )}
      <div className="endpoint-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim() || !url.trim()}>
          {replaces ? 'Replace endpoint' : 'Save endpoint'}
        </button>
      </div>
    </form>
  );
}
