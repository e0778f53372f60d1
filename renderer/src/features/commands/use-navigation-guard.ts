import { useEffect } from 'react';
import { getApi } from '../../api';
import { showToast } from '../../ui/toasts';

/** True for a URL outside Berth's own origin. */
function isForeign(url: URL): boolean {
  return url.origin !== window.location.origin;
}

async function openOutside(raw: string): Promise<void> {
  try {
    await getApi().call('system.openExternal', { url: raw });
    showToast({ tone: 'info', title: 'Opened in your browser', body: raw }, 3000);
  } catch (error) {
    showToast({ tone: 'warn', title: 'Berth did not open that link', body: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Berth's page never navigates away and never opens windows: a click on a link to another origin
 * and every `window.open` are stopped; http(s) and mailto links go to the system browser through
 * `system.openExternal` (which checks the scheme again in main). Electron enforces the same in
 * main/security.ts; this is the web-mode equivalent.
 */
export function useNavigationGuard(): void {
  useEffect(() => {
    // Bubble phase on the document: a feature that handles its own links (and calls
    // preventDefault) has already run, so a link is never opened twice.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      let url: URL;
      try {
        url = new URL(anchor.href, window.location.href);
      } catch {
        event.preventDefault();
        return;
      }
      if (!isForeign(url) && anchor.target !== '_blank') return;
      event.preventDefault();
      void openOutside(url.href);
    };
    const originalOpen = window.open;
    window.open = (target?: string | URL) => {
      const href = target ? String(target) : '';
      if (href) void openOutside(new URL(href, window.location.href).href);
      return null;
    };
    document.addEventListener('click', onClick);
    document.addEventListener('auxclick', onClick);
    return () => {
      window.open = originalOpen;
      document.removeEventListener('click', onClick);
      document.removeEventListener('auxclick', onClick);
    };
  }, []);
}
