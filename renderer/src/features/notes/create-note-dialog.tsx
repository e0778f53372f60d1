import { useState } from 'react';
import { getApi, useQuery } from '../../api';
import { Dialog } from '../../ui/dialog';
import { FileTextIcon } from './note-icons';
import { notesStore } from './notes-store';
import { showToast } from '../../ui/toasts';

/** Joins a vault root and a vault-relative path with the root's own separator. */
function absolutePath(root: string, relative: string): string {
  if (!root) return relative;
  const separator = root.includes('\\') && !root.includes('/') ? '\\' : '/';
  return `${root.replace(/[\\/]+$/, '')}${separator}${relative.split('/').join(separator)}`;
}

/**
 * Asked when the student clicks a link to a note that does not exist yet: says where the new
 * note would go and creates it only on "Create note". Cancel (or Escape) creates nothing.
 */
export function CreateNoteDialog({ request, vaultRoot }: { request: { name: string; folder: string }; vaultRoot: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const relative = [request.folder, `${request.name}.md`].filter(Boolean).join('/');
  const vaultName = vaultRoot.split(/[\\/]/).filter(Boolean).pop() ?? 'the vault';
  const close = () => notesStore.askCreate(undefined);
  // The desktop app can hand the new file to the student's editor (the system's app for .md files).
  const canOpenEditor = useQuery('system.info', {}).data?.mode === 'electron';

  const create = async (openInEditor: boolean) => {
    setBusy(true);
    try {
      const created = await getApi().call('vault.createNote', { name: request.name, ...(request.folder ? { folder: request.folder } : {}) });
      close();
      notesStore.open(created.path);
      const full = absolutePath(vaultRoot, created.path);
      if (openInEditor) {
        const opened = await getApi()
          .call('vault.openAttachment', { path: created.path })
          .then((result) => result.opened)
          .catch(() => false);
        if (opened) {
          showToast({ tone: 'ok', title: `Created “${request.name}”`, body: `Opened in your editor. Berth shows it as you save. ${full}`, key: 'create-note' });
          return;
        }
      }
      showToast({ tone: 'ok', title: `Created “${request.name}”`, body: `Berth only reads notes: write this one in Obsidian or your editor. ${full}`, copy: full, key: 'create-note' }, 12000);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Create this note?"
      onClose={close}
      className="create-note-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          {canOpenEditor && (
            <button type="button" className="btn" disabled={busy} onClick={() => void create(true)}>
              Create and open in editor
            </button>
          )}
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void create(false)} autoFocus>
            {busy ? 'Creating…' : 'Create note'}
          </button>
        </>
      }
    >
      <p className="create-note-lead">
        “{request.name}” does not exist yet. Berth can create it as an empty note with just a title; you would then write it in Obsidian or your
        own editor, and Berth shows it as soon as you save.
      </p>
      <div className="create-note-where">
        <FileTextIcon />
        <div>
          <div className="create-note-file">{relative}</div>
          <div className="create-note-vault">
            in the vault <strong>{vaultName}</strong> · {absolutePath(vaultRoot, relative)}
          </div>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
