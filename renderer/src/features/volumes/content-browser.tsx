import { useEffect, useState } from 'react';
import type { VolumeFile } from '@contract';
import { getApi } from '../../api';
import { formatBytes } from './storage-filters';

/**
 * The files inside a volume, read-only: Berth lists them through a short-lived helper
 * container that mounts the volume read-only and is removed right after.
 */
export function ContentBrowser({ volume }: { volume: string }) {
  const [dir, setDir] = useState('');
  const [listing, setListing] = useState<{ files: VolumeFile[]; truncated: boolean }>();
  const [file, setFile] = useState<{
    path: string;
    text: string;
    size: number;
    truncated: boolean;
    binary: boolean;
  }>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    setError(undefined);
    getApi()
      .call('volumes.listFiles', { name: volume, path: dir })
      .then((r) => alive && setListing(r))
      .catch((e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [volume, dir]);

  const open = (entry: VolumeFile) => {
    if (entry.type === 'directory') {
      setFile(undefined);
      setDir(entry.path);
      return;
    }
    if (entry.type !== 'file') return;
    setLoading(true);
    getApi()
      .call('volumes.readFile', { name: volume, path: entry.path })
      .then(setFile)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setLoading(false));
  };

  const crumbs = dir ? dir.split('/') : [];
  return (
    <div className="content-browser" data-testid="content-browser">
      <div className="crumbs">
        <button
          className="crumb"
          onClick={() => {
            setDir('');
            setFile(undefined);
          }}
        >
          /
        </button>
        {crumbs.map((part, i) => (
          <button
            key={i}
            className="crumb"
            onClick={() => {
              setDir(crumbs.slice(0, i + 1).join('/'));
              setFile(undefined);
            }}
          >
            {part}/
          </button>
        ))}
        {loading && <span className="faint small">reading…</span>}
        <span
          className="faint small crumbs-note"
          title="Through a helper container with the volume mounted read-only"
        >
          read-only
        </span>
      </div>
      {error && (
        <div className="inline-alert tone-danger" role="alert">
          {error}
        </div>
      )}
      {file ? (
        <div className="file-view">
          <div className="file-view-header">
            <button className="btn btn-sm btn-ghost" onClick={() => setFile(undefined)}>
              ← Back
            </button>
            <span className="mono small">{file.path}</span>
            <span className="faint small">
              {formatBytes(file.size)}
              {file.truncated ? ' · first 64 KB' : ''}
            </span>
          </div>
          {file.binary ? (
            <div className="muted pad">A binary file; Berth shows text files only.</div>
          ) : (
            <pre className="file-text" data-testid="file-text">
              {file.text}
            </pre>
          )}
        </div>
      ) : (
        <ul className="file-list" aria-label="Files">
          {listing?.files.length === 0 && (
            <li className="muted small pad">This folder is empty.</li>
          )}
          {listing?.files.map((f) => (
            <li key={f.path}>
              <button
                className={`file-row type-${f.type}`}
                onClick={() => open(f)}
                disabled={f.type !== 'file' && f.type !== 'directory'}
                data-file={f.path}
              >
                <span className="file-icon" aria-hidden>
                  {f.type === 'directory' ? '▸' : f.type === 'symlink' ? '↪' : '·'}
                </span>
                <span className="mono file-name">{f.name}</span>
                <span className="faint small">
                  {f.type === 'directory' ? '' : formatBytes(f.size)}
                </span>
              </button>
            </li>
          ))}
          {listing?.truncated && (
            <li className="faint small pad">Only the first 2,000 entries are shown.</li>
          )}
        </ul>
      )}
    </div>
  );
}
