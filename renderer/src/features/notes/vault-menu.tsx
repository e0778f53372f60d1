import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../../api';
import { ChevronIcon, VaultIcon } from './note-icons';
import { exportCurrentNote } from './note-reader';
import { useNotesState } from './notes-store';
import { openVaultAt, openVaultInteractively } from './vault-actions';

/** The vault switcher in the title bar: Open vault…, recent vaults, Export note as HTML. */
export function VaultMenu() {
  const info = useQuery('vault.info', {}, { invalidateOn: ['vault.changed'] });
  const { current } = useNotesState();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
      ref.current?.querySelector<HTMLElement>('.vault-button')?.focus();
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    // The first item takes focus, so the menu works from the keyboard at once.
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const onMenuKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : (at + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  const openVault = async () => {
    setOpen(false);
    setError(await openVaultInteractively());
  };
  const openRecent = async (dir: string) => {
    setOpen(false);
    setError(await openVaultAt(dir));
  };

  const recent = (info.data?.recentVaults ?? []).filter((dir) => dir !== info.data?.root);
  return (
    <div className="vault-menu" ref={ref}>
      <button type="button" className="vault-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title={info.data?.root}>
        <VaultIcon />
        <span className="vault-name">{info.data ? info.data.name : 'Vault'}</span>
        {info.data && <span className="vault-count">{info.data.noteCount === 1 ? '1 note' : `${info.data.noteCount.toLocaleString('en-US')} notes`}</span>}
        <ChevronIcon className="chevron is-down" />
      </button>
      {error && (
        <span className="vault-error" role="alert" onClick={() => setError(undefined)}>
          {error}
        </span>
      )}
      {open && (
        <div className="notes-menu" role="menu" aria-label="Vault" onKeyDown={onMenuKeyDown}>
          <button type="button" role="menuitem" className="notes-menu-item" onClick={() => void openVault()}>
            Open vault…
          </button>
          <button
            type="button"
            role="menuitem"
            className="notes-menu-item"
            disabled={!current}
            onClick={() => {
              setOpen(false);
              if (current) void exportCurrentNote(current.path).then((message) => setError(message));
            }}
          >
            Export note as HTML
          </button>
          {recent.length > 0 && <div className="notes-menu-separator" role="separator" />}
          {recent.length > 0 && <div className="notes-menu-label">Recent vaults</div>}
          {recent.map((dir) => (
            <button key={dir} type="button" role="menuitem" className="notes-menu-item" title={dir} onClick={() => void openRecent(dir)}>
              <span>{dir.split(/[\\/]/).filter(Boolean).pop()}</span>
              <span className="notes-menu-hint">{dir}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
