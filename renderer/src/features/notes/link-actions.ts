import { getApi } from '../../api';
import { fileViewFor } from '../../ui/file-views';
import { notesStore } from './notes-store';

/**
 * Opens an attachment of the vault: with the system's default app in the desktop app (main checks
 * it stays inside the vault), in a browser tab in web mode.
 */
export async function openAttachment(vaultPath: string): Promise<LinkOutcome> {
  try {
    const result = await getApi().call('vault.openAttachment', { path: vaultPath });
    if (!result.opened && result.url) window.open(result.url, '_blank', 'noopener');
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** What happened when a link in a note was activated, for callers that want to show errors. */
export type LinkOutcome = { ok: true } | { ok: false; message: string };

/**
 * Handles a click on a link inside rendered note HTML (event delegation): internal links
 * navigate, unresolved ones ask before creating the note, tags open the tag pane, external
 * links open in the system browser. Returns undefined when the click was not on a note link.
 */
export async function activateNoteLink(link: HTMLElement, fromPath: string | undefined): Promise<LinkOutcome | undefined> {
  const api = getApi();
  if (link.classList.contains('tag') && link.dataset.tag) {
    notesStore.showTag(link.dataset.tag);
    return { ok: true };
  }
  if (link.dataset.notePath) {
    notesStore.open(link.dataset.notePath, link.dataset.anchor);
    return { ok: true };
  }
  if (link.classList.contains('is-unresolved') && link.dataset.unresolvedTarget !== undefined) {
    const target = link.dataset.unresolvedTarget.replace(/\.md$/i, '');
    const slash = target.lastIndexOf('/');
    const folder = slash >= 0 ? target.slice(0, slash) : fromPath?.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
    notesStore.askCreate({ name: slash >= 0 ? target.slice(slash + 1) : target, folder });
    return { ok: true };
  }
  const href = link.getAttribute('href') ?? '';
  if (link.classList.contains('external-link') || /^(?:https?|mailto):/i.test(href)) {
    try {
      await api.call('system.openExternal', { url: href });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }
  if (link.dataset.vaultPath && fileViewFor(link.dataset.vaultPath)) {
    notesStore.open(link.dataset.vaultPath);
    return { ok: true };
  }
  if (link.dataset.vaultPath) return openAttachment(link.dataset.vaultPath);
  return undefined;
}
