import { BrowserWindow, Notification } from 'electron';
import { events, isEventName, type Disposer, type EventName } from '../contract';
import { demoFinishedNotice } from '../contract/demo-notice';
import type { EventHub } from '../rpc/event-hub';
import type { Logger } from '../services/logging/logger';

const held = new Set<Notification>();

/** How many notifications are on screen and held (for tests). */
export function heldNotificationCount(): number {
  return held.size;
}

/**
 * Shows a system notification when a demo finishes while no Berth window has the focus (and the
 * user has not turned it off in Settings). Listens to every `demos.*` event of the contract and keeps
 * the ones that describe a finished run; clicking the notification brings the window back.
 */
export function notifyFinishedDemos(
  hub: EventHub,
  enabled: () => boolean,
  log: Logger,
  names: EventName[] = Object.keys(events)
    .filter((name) => name.startsWith('demos.'))
    .filter(isEventName),
): Disposer {
  const disposers = names.map((name) =>
    hub.add(name, (_event, payload) => {
      const notice = demoFinishedNotice(payload);
      if (!notice || !enabled() || BrowserWindow.getFocusedWindow()) return;
      if (!Notification.isSupported()) {
        log.info('demo finished, but this desktop has no notifications', { title: notice.title });
        return;
      }
      const shown = new Notification({
        title: notice.title,
        body: notice.body,
        silent: notice.tone === 'ok',
      });
      // Held until it is dealt with: a notification only referenced here could be garbage
      // collected, and its click would then be lost.
      held.add(shown);
      const release = () => held.delete(shown);
      shown.on('close', release);
      shown.on('failed', release);
      shown.on('click', () => {
        release();
        const [win] = BrowserWindow.getAllWindows();
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
      });
      shown.show();
    }),
  );
  return () => disposers.forEach((dispose) => dispose());
}
