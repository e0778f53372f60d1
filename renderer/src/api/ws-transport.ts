import { WS_PATH, WS_TOKEN_PARAM } from '@contract/channels';
import type { RpcResponse } from '@contract/errors';
import type { LinkState, Transport } from './transport';

const TOKEN_KEY = 'berth.token';

/**
 * Takes the per-run token from the URL fragment (`#token=…`), keeps it for reloads in session
 * storage and removes it from the address bar.
 */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

interface Pending {
  resolve: (response: RpcResponse) => void;
  method: string;
}

/** The transport in web mode: one WebSocket, reconnected with backoff, subscriptions restored. */
export function createWsTransport(token: string): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(state: LinkState) => void>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let state: LinkState = 'connecting';
  let attempt = 0;

  const setState = (next: LinkState) => {
    if (state === next) return;
    state = next;
    for (const listener of linkListeners) listener(next);
  };

  const send = (message: object) => {
    const text = JSON.stringify(message);
    if (socket?.readyState === WebSocket.OPEN) socket.send(text);
    else queue.push(text);
  };

  // Trade the token for an HttpOnly cookie so that attachments (<img src>) are authorised too.
  const authorise = () =>
    fetch('/auth', { method: 'POST', headers: { 'X-Berth-Token': token }, credentials: 'same-origin' }).catch(() => undefined);

  const connect = () => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${window.location.host}${WS_PATH}?${WS_TOKEN_PARAM}=${encodeURIComponent(token)}`);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      void authorise();
      for (const event of listeners.keys()) ws.send(JSON.stringify({ type: 'subscribe', event }));
      for (const text of queue.splice(0)) ws.send(text);
      setState('open');
    };
    ws.onmessage = (message) => {
      let data: { type: string; id?: number; response?: RpcResponse; event?: string; payload?: unknown; message?: string };
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (data.type === 'result' && typeof data.id === 'number') {
        const call = pending.get(data.id);
        pending.delete(data.id);
        call?.resolve(data.response as RpcResponse);
      } else if (data.type === 'event' && data.event) {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
      } else if (data.type === 'error') {
        console.warn(`Berth: ${data.message ?? 'error from the host'}`);
      }
    };
    ws.onclose = () => {
      socket = null;
      for (const [id, call] of pending) {
        pending.delete(id);
        call.resolve({ ok: false, error: { code: 'unavailable', message: `Lost the connection to Berth while calling ${call.method}.` } });
      }
      setState('lost');
      const delay = Math.min(5000, attempt === 0 ? 200 : 500 * 2 ** attempt);
      attempt++;
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    kind: 'ws',
    get linkState() {
      return state;
    },
    call(method, params) {
      const id = nextId++;
      return new Promise<RpcResponse>((resolve) => {
        pending.set(id, { resolve, method });
        send({ type: 'call', id, method, params });
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'subscribe', event }));
      }
      set.add(listener);
      return () => {
        const current = listeners.get(event);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) {
          listeners.delete(event);
          if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'unsubscribe', event }));
        }
      };
    },
    onLinkState(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };
}
