import { useEffect } from 'react';
import type { EventName } from '@contract';
import { demoFinishedNotice } from '@contract/demo-notice';
import { getApi } from '../../api';
import { showToast } from '../../ui/toasts';

/** The demos events (named here: importing the contract's event table would build all its schemas in the page). */
const demoEvents = ['demos.run', 'demos.history'] as const satisfies readonly EventName[];

/**
 * Tells the user when a demo finishes: an in-app toast while Berth has the focus; in the
 * background a system notification — from main in the desktop app, from the browser's
 * Notification API in web mode (when allowed in Settings and by the browser).
 */
export function useDemoNotifications(mode: 'electron' | 'web' | undefined): void {
  useEffect(() => {
    if (!mode) return;
    const api = getApi();
    let enabled = true;
    void api.call('settings.get', {}).then((s) => (enabled = s.notifyDemoFinished)).catch(() => undefined);
    const stopSettings = api.on('settings.changed', (s) => (enabled = s.notifyDemoFinished));
    const disposers = demoEvents.map((name) =>
      api.on(name, (payload: unknown) => {
        const notice = demoFinishedNotice(payload);
        if (!notice) return;
        const background = document.hidden || !document.hasFocus();
        if (background && mode === 'electron') return; // main shows the system notification
        if (background && enabled && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          const shown = new Notification(notice.title, { body: notice.body, tag: notice.tag });
          shown.onclick = () => window.focus();
          return;
        }
        showToast({ tone: notice.tone, title: notice.title, body: notice.body }, notice.tone === 'danger' ? 12000 : 6000);
      }),
    );
    return () => {
      stopSettings();
      disposers.forEach((dispose) => dispose());
    };
  }, [mode]);
}
