import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import { IpcChannel, ipcCallSchema, type RpcResponse } from '../contract';
import type { Logger } from '../services/logging/logger';
import type { Router, RpcSession } from './router';

export interface IpcTransportOptions {
  router: Router;
  log: Logger;
  /** True when a message from this frame URL comes from Berth's own UI. */
  isTrustedSender: (frameUrl: string, sender: WebContents) => boolean;
}

function senderUrl(event: IpcMainEvent | IpcMainInvokeEvent): string {
  return event.senderFrame?.url ?? '';
}

/**
 * Serves the router over Electron IPC. Every message is checked: it must come from the main
 * frame of one of our windows, loaded from our own origin.
 */
export function attachIpcTransport(options: IpcTransportOptions): () => void {
  const { router, log, isTrustedSender } = options;
  const sessions = new Map<number, RpcSession>();

  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const url = senderUrl(event);
    const isMainFrame = event.senderFrame !== null && event.senderFrame === event.sender.mainFrame;
    const ok = isMainFrame && isTrustedSender(url, event.sender);
    if (!ok) log.warn('refused IPC message from an untrusted frame', { url: url.slice(0, 200) });
    return ok;
  };

  const watched = new WeakSet<WebContents>();
  const endSession = (sender: WebContents) => {
    sessions.get(sender.id)?.dispose();
    sessions.delete(sender.id);
  };

  const sessionFor = (sender: WebContents): RpcSession => {
    let session = sessions.get(sender.id);
    if (!session) {
      session = router.openSession(`ipc:${sender.id}`, (event, payload) => {
        if (!sender.isDestroyed()) sender.send(IpcChannel.Event, { event, payload });
      });
      sessions.set(sender.id, session);
    }
    if (!watched.has(sender)) {
      watched.add(sender);
      sender.once('destroyed', () => endSession(sender));
      // A new document in the main frame (a reload) starts a fresh renderer: drop the old page's
      // subscriptions. Not on `did-start-navigation`: it also fires for same-document navigations
      // (fragment links, pushState) and before `will-navigate` can still cancel the navigation.
      // `did-navigate` fires only once a main-frame, cross-document navigation has committed.
      sender.on('did-navigate', () => endSession(sender));
    }
    return session;
  };

  ipcMain.handle(IpcChannel.Call, async (event, raw: unknown): Promise<RpcResponse> => {
    if (!trusted(event)) {
      return { ok: false, error: { code: 'forbidden', message: 'This frame may not call Berth.' } };
    }
    const parsed = ipcCallSchema.safeParse(raw);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-params', message: 'Malformed call: expected {method, params}.' },
      };
    }
    return router.call(parsed.data.method, parsed.data.params, {
      transport: 'ipc',
      peer: `ipc:${event.sender.id}`,
    });
  });

  const onSubscribe = (event: IpcMainEvent, name: unknown) => {
    if (!trusted(event) || typeof name !== 'string') return;
    const response = sessionFor(event.sender).subscribe(name);
    if (!response.ok) log.warn(response.error.message);
  };
  const onUnsubscribe = (event: IpcMainEvent, name: unknown) => {
    if (!trusted(event) || typeof name !== 'string') return;
    sessions.get(event.sender.id)?.unsubscribe(name);
  };
  ipcMain.on(IpcChannel.Subscribe, onSubscribe);
  ipcMain.on(IpcChannel.Unsubscribe, onUnsubscribe);

  return () => {
    ipcMain.removeHandler(IpcChannel.Call);
    ipcMain.off(IpcChannel.Subscribe, onSubscribe);
    ipcMain.off(IpcChannel.Unsubscribe, onUnsubscribe);
    for (const session of sessions.values()) session.dispose();
    sessions.clear();
  };
}
