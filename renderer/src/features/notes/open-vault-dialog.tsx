import { useEffect, useRef, useState } from 'react';
import { getApi } from '../../api';
import { notesStore } from './notes-store';

/** Opens a vault by path (web mode's answer to the native folder dialog), with recent vaults. */
export function OpenVaultDialog({ recent }: { recent: string[] }) {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const close = () => notesStore.setOpenVault(false);
  const open = async (dir: string) => {
    if (!dir.trim()) {
      setError('Type the full path of a folder that holds your notes.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const info = await getApi().call('vault.open', { path: dir.trim() });
      notesStore.reset(info.initialNote);
      close();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="notes-modal-backdrop" onMouseDown={close}>
      <form
        className="notes-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Open vault"
        onMouseDown={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          void open(path);
        }}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <h2 className="notes-dialog-title">Open vault</h2>
        <p className="notes-dialog-text">A vault is a folder of markdown notes, such as an Obsidian vault. Berth reads it and follows changes you make in other editors.</p>
        <label className="field-label" htmlFor="vault-path">
          Folder path
        </label>
        <input
          ref={inputRef}
          id="vault-path"
          className="notes-text-input"
          placeholder="/home/you/Notes"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          spellCheck={false}
          aria-invalid={Boolean(error)}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {recent.length > 0 && (
          <>
            <p className="field-label">Recent vaults</p>
            <ul className="recent-vaults">
              {recent.map((dir) => (
                <li key={dir}>
                  <button type="button" className="recent-vault" onClick={() => void open(dir)} disabled={busy}>
                    <span className="recent-vault-name">{dir.split(/[\\/]/).filter(Boolean).pop()}</span>
                    <span className="recent-vault-path">{dir}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="notes-dialog-actions">
          <button type="button" className="notes-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="notes-button is-primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </div>
  );
}
