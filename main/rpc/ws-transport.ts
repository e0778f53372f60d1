import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_PATH, WS_TOKEN_PARAM, wsClientMessageSchema, type WsServerMessage } from '../contract/transport';
import type { Logger } from '../services/logging/logger';
import type { Router } from './router';

export interface WsTransportOptions {
  server: Server;
  /** The router, or its promise while the services still load: messages wait for it, in order. */
  router: Router | Promise<Router>;
  token: string;
  /** Origins allowed to open the socket, e.g. `http://127.0.0.1:4312`. */
  allowedOrigins: () => string[];
  log: Logger;
  /** Largest accepted message in bytes. */
  maxPayload?: number;
}

/** Compares two secrets in constant time. */
export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * True when a request's `Host` header names one of the origins Berth serves (loopback address and
 * its port). Anything else is a DNS-rebinding attempt or a misdirected request.
 */
export function isAllowedHostHeader(host: string | undefined, allowedOrigins: string[]): boolean {
  if (!host) return false;
  return allowedOrigins.some((origin) => origin.replace(/^https?:\/\//, '') === host.toLowerCase());
}

function refuse(socket: Duplex, status: 401 | 403 | 404 | 421, reason: string): void {
  const text = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    421: 'Misdirected Request',
  }[status];
  socket.write(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`,
  );
  socket.destroy();
}

/** Checks an upgrade request; returns the reason to refuse it, or null when it may connect. */
export function checkUpgrade(
  request: IncomingMessage,
  token: string,
  allowedOrigins: string[],
): { status: 401 | 403 | 404 | 421; reason: string } | null {
  if (!isAllowedHostHeader(request.headers.host, allowedOrigins)) {
    return {
      status: 421,
      reason: `Berth does not answer for the host "${String(request.headers.host ?? '(none)').slice(0, 100)}".`,
    };
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname !== WS_PATH) return { status: 404, reason: 'No such endpoint.' };
  const origin = request.headers.origin;
  if (!origin || !allowedOrigins.includes(origin)) {
    return { status: 403, reason: `Origin ${origin ?? '(none)'} may not use Berth's RPC.` };
  }
  if (!tokensMatch(url.searchParams.get(WS_TOKEN_PARAM), token)) {
    return { status: 401, reason: 'Missing or wrong token.' };
  }
  return null;
}

/** Serves the router over a WebSocket on an existing HTTP server. Returns a function that closes it. */
export function attachWsTransport(options: WsTransportOptions): () => Promise<void> {
  const { server, router, token, log } = options;
  // A router that never comes (Berth failed to start) is answered per message, not thrown here.
  Promise.resolve(router).catch(() => undefined);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 8 * 1024 * 1024,
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(request, token, options.allowedOrigins());
    if (refusal) {
      log.warn('refused WebSocket connection', {
        reason: refusal.reason,
        remote: request.socket.remoteAddress,
      });
      refuse(socket, refusal.status, refusal.reason);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) =>
      serve(ws, `ws:${request.socket.remotePort ?? '?'}`),
    );
  };

  const serve = (ws: WebSocket, peer: string) => {
    const send = (message: WsServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const ready = Promise.resolve(router).then((loaded) => ({
      router: loaded,
      session: loaded.openSession(peer, (event, payload) => send({ type: 'event', event, payload })),
    }));
    ready.catch(() => undefined);
    log.info('client connected', { peer });

    ws.on('message', async (data, isBinary) => {
      if (isBinary) {
        send({ type: 'error', message: 'Binary messages are not accepted.' });
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        send({ type: 'error', message: 'Messages must be JSON.' });
        return;
      }
      const parsed = wsClientMessageSchema.safeParse(raw);
      if (!parsed.success) {
        log.warn('refused malformed message', { peer });
        send({
          type: 'error',
          message: 'Malformed message: expected {type: "call"|"subscribe"|"unsubscribe", ...}.',
        });
        return;
      }
      const message = parsed.data;
      let session: Awaited<typeof ready>['session'];
      let router: Router;
      try {
        ({ router, session } = await ready);
      } catch (error) {
        send({ type: 'error', message: `Berth could not start: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
      if (message.type === 'call') {
        const response = await router.call(message.method, message.params, {
          transport: 'ws',
          peer,
        });
        send({ type: 'result', id: message.id, response });
      } else if (message.type === 'subscribe') {
        const response = session.subscribe(message.event);
        if (!response.ok) send({ type: 'error', message: response.error.message });
      } else {
        session.unsubscribe(message.event);
      }
    });
    ws.on('close', () => {
      void ready.then(({ session }) => session.dispose(), () => undefined);
      log.info('client disconnected', { peer });
    });
    ws.on('error', (error) => log.warn('socket error', { peer, error: error.message }));
  };

  server.on('upgrade', onUpgrade);
  return () =>
    new Promise<void>((resolve) => {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    });
}
