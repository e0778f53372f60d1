import { useEffect } from 'react';
import { getApi, useEvent, useQuery } from '../../api';
import { markFirstNoteShown } from '../../ui/first-note';
import { registerCommand } from '../commands';
import { exportCurrentNote, NoteReader } from './note-reader';
import { openVaultInteractively } from './vault-actions';
import { notesStore, useNotesState } from './notes-store';
import { CreateNoteDialog } from './create-note-dialog';
import { OpenVaultDialog } from './open-vault-dialog';
import { QuickSwitcher } from './quick-switcher';
import './notes.css';
import './note-content.css';

/**
 * The notes feature's centre: the reader, the quick switcher and the open-vault dialog, the
 * keyboard shortcuts, and following the vault (first note, vault switches, deleted notes).
 */
export function NotesCenter() {
  const { switcherOpen, openVaultOpen, current, pendingCreate } = useNotesState();
  const info = useQuery('vault.info', {}, { invalidateOn: ['vault.changed'] });

  useEffect(() => {
    if (!current && info.data?.initialNote) notesStore.reset(info.data.initialNote);
  }, [current, info.data?.initialNote]);
  useEffect(() => {
    // No note to show first (an empty vault): the panes beside it need not wait.
    if (info.data && !info.data.initialNote) markFirstNoteShown();
  }, [info.data]);

  useEvent('vault.changed', (change) => {
    if (change.kind === 'opened') {
      void getApi()
        .call('vault.info', {})
        .then((next) => {
          const state = notesStore.get();
          if (!state.current || !state.current.path || next.root !== info.data?.root) notesStore.reset(next.initialNote);
        })
        .catch(() => undefined);
    }
    if (change.kind === 'removed' && current && change.paths.includes(current.path)) notesStore.forget(current.path);
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && event.shiftKey && key === 'f') {
        event.preventDefault();
        notesStore.focusSearch();
      }
    };
    // Capture phase, so that the search key wins over widgets that handle keys themselves.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  useEffect(() => {
    const disposers = [
      registerCommand({ id: 'vault.openFolder', title: 'Open Vault…', run: async () => {
        const message = await openVaultInteractively();
        if (message) throw new Error(message);
      } }),
      registerCommand({ id: 'vault.quickSwitcher', title: 'Quick Switcher…', run: () => notesStore.setSwitcher(true) }),
      registerCommand({ id: 'vault.search', title: 'Search Notes…', run: () => notesStore.focusSearch() }),
      registerCommand({ id: 'vault.goBack', title: 'Back', shortcut: 'Alt+Left', run: () => notesStore.goBack() }),
      registerCommand({ id: 'vault.goForward', title: 'Forward', shortcut: 'Alt+Right', run: () => notesStore.goForward() }),
      registerCommand({
        id: 'vault.exportHtml',
        title: 'Export Note as HTML',
        enabled: () => Boolean(notesStore.get().current),
        run: async () => {
          const path = notesStore.get().current?.path;
          const message = path ? await exportCurrentNote(path) : undefined;
          if (message) throw new Error(message);
        },
      }),
    ];
    return () => disposers.forEach((dispose) => dispose());
  }, []);

  return (
    <>
      <NoteReader />
      {switcherOpen && <QuickSwitcher />}
      {pendingCreate && <CreateNoteDialog request={pendingCreate} vaultRoot={info.data?.root ?? ''} />}
      {openVaultOpen && <OpenVaultDialog recent={(info.data?.recentVaults ?? []).filter((dir) => dir !== info.data?.root)} />}
    </>
  );
}
