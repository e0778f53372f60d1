import { getApi } from '../../api';
import { notesStore } from './notes-store';

/**
 * File > Open vault…: the native folder dialog in Electron, the path prompt in web mode. Returns a
 * readable error, or undefined when the vault opened (or the dialog was cancelled).
 */
export async function openVaultInteractively(): Promise<string | undefined> {
  const picked = await getApi()
    .call('vault.pickFolder', {})
    .catch(() => ({ usePrompt: true, path: undefined }));
  if (picked.usePrompt) {
    notesStore.setOpenVault(true);
    return undefined;
  }
  if (!picked.path) return undefined;
  return openVaultAt(picked.path);
}

/** Opens the vault at `dir` and shows its first note; returns a readable error on failure. */
export async function openVaultAt(dir: string): Promise<string | undefined> {
  try {
    const opened = await getApi().call('vault.open', { path: dir });
    notesStore.reset(opened.initialNote);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
