import { useEffect, useState } from 'react';
import type { PrunePreview } from '@contract';
import { getApi } from '../../api';
import { formatBytes } from './storage-filters';

/** Prune with a preview: exactly which dangling volumes go and how much space comes back. */
export function PruneDialog({ onClose }: { onClose: () => void }) {
  const [label, setLabel] = useState('');
  const [preview, setPreview] = useState<PrunePreview>();
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<{
    removed: string[];
    skipped: { name: string; reason: string }[];
    reclaimedBytes: number;
  }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    setPreview(undefined);
    setError(undefined);
    const timer = setTimeout(() => {
      getApi()
        .call('volumes.prunePreview', label.trim() ? { label: label.trim() } : {})
        .then((p) => alive && setPreview(p))
        .catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)));
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [label]);

  const prune = () => {
    if (!preview) return;
    setBusy(true);
    getApi()
      .call('volumes.prune', { names: preview.volumes.map((v) => v.name) })
      .then(setResult)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label="Prune dangling volumes"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="modal-header">
          <strong>Prune dangling volumes</strong>
          <button className="icon-btn" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <p className="muted small">
          Volumes no container references — named and anonymous alike, as Docker Engine 20.10 prunes
          them. Nothing else is touched; a volume that comes into use meanwhile is skipped.
        </p>
        <input
          className="input"
          placeholder="Only with label (key or key=value)"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-label="Prune label filter"
          disabled={Boolean(result)}
        />
        {error && (
          <div className="inline-alert tone-danger" role="alert">
            {error}
          </div>
        )}
        {result ? (
          <div className="prune-result" data-testid="prune-result">
            <strong>
              Removed {result.removed.length} volume{result.removed.length === 1 ? '' : 's'},{' '}
              {formatBytes(result.reclaimedBytes)} reclaimed.
            </strong>
            {result.skipped.map((s) => (
              <div key={s.name} className="small muted">
                Skipped {s.name}: {s.reason}
              </div>
            ))}
          </div>
        ) : !preview ? (
          <div className="muted pad">Asking Docker…</div>
        ) : preview.volumes.length === 0 ? (
          <div className="muted pad">Nothing to prune: every volume is in use.</div>
        ) : (
          <ul className="prune-list" aria-label="Volumes to remove">
            {preview.volumes.map((v) => (
              <li key={v.name} data-prune={v.name}>
                <span className="mono prune-name" title={v.name}>
                  {v.kind === 'anonymous' ? `${v.name.slice(0, 12)}…` : v.name}
                </span>
                <span className="faint small">
                  {v.kind}
                  {v.createdBy ? ` · from ${v.createdBy}` : ''}
                </span>
                <span className="prune-size">{formatBytes(v.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        )}
        <footer className="modal-footer">
          {preview && !result && (
            <span className="muted small" data-testid="prune-total">
              {preview.volumes.length} volume{preview.volumes.length === 1 ? '' : 's'} ·{' '}
              {formatBytes(preview.totalBytes)} back
            </span>
          )}
          <span className="status-spacer" />
          <button className="btn btn-sm" onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          {!result && (
            <button
              className="btn btn-sm btn-danger"
              onClick={prune}
              disabled={busy || !preview?.volumes.length}
              data-testid="confirm-prune"
            >
              {busy ? 'Removing…' : `Remove ${preview?.volumes.length ?? ''}`}
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
