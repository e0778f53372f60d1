import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BerthApp } from '../app/create-app';
import { attachWsTransport, isAllowedHostHeader, tokensMatch } from '../rpc/ws-transport';
import { contentSecurityPolicy, securityHeaders } from '../security-policy';
import type { Logger } from '../services/logging/logger';
import { hasSessionCookie, sessionCookieHeader } from './session-cookie';
import { serveStatic } from './static-files';

/** An authenticated HTTP route of the web host (the session cookie is checked before it runs). */
export interface WebRoute {
  prefix: string;
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    headers: Record<string, string>,
  ): Promise<void> | void;
}

export interface WebServerOptions {
  /** The app, or its promise while its services load: the page is served meanwhile, RPC waits. */
  app: BerthApp | Promise<BerthApp>;
  rendererDir: string;
  log: Logger;
  host?: string;
  port?: number;
  /** A fixed token, for tests only; normally a random one per run. */
  token?: string;
  routes?: WebRoute[];
}

export interface RunningWebServer {
  url: string;
  /** The URL to open: carries the token in the fragment, which browsers never send to servers. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for the loopback names the web host may bind. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Serves the built renderer and the RPC over a WebSocket on a loopback address only. */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(
      `Berth's web mode only listens on loopback (127.0.0.1, ::1); refusing to bind ${host}.`,
    );
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log.child('web');
  let origins: string[] = [];
  let headers: Record<string, string> = {};

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error('request failed', { url: req.url?.split('?')[0], error: String(error) });
      if (!res.headersSent) res.writeHead(500, headers).end('Internal error');
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // First line against DNS rebinding: a page on another name that resolves to 127.0.0.1 sends
    // its own name in Host. Only our loopback address and port are answered.
    if (!isAllowedHostHeader(req.headers.host, origins)) {
      log.warn('refused a request for another host', {
        host: String(req.headers.host ?? '(none)').slice(0, 100),
      });
      res
        .writeHead(421, { ...headers, 'Content-Type': 'text/plain' })
        .end('Misdirected request: Berth answers only on its loopback address.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The auth endpoint trades the token (from the page's URL fragment) for an HttpOnly cookie.
    if (url.pathname === '/auth') {
      const origin = req.headers.origin;
      if (
        req.method !== 'POST' ||
        !origin ||
        !origins.includes(origin) ||
        !tokensMatch(String(req.headers['x-berth-token'] ?? ''), token)
      ) {
        log.warn('refused /auth', { origin: origin ?? '(none)' });
        res.writeHead(401, headers).end('Unauthorized');
        return;
      }
      res.writeHead(204, { ...headers, 'Set-Cookie': sessionCookieHeader(token) }).end();
      return;
    }
    for (const route of options.routes ?? []) {
      if (url.pathname.startsWith(route.prefix)) {
        if (!hasSessionCookie(req, token)) {
          res.writeHead(401, headers).end('Unauthorized');
          return;
        }
        await route.handle(req, res, url, headers);
        return;
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end('Method not allowed');
      return;
    }
    serveStatic(options.rendererDir, url.pathname, res, headers);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostForUrl}:${port}`;
  origins = [url, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
  headers = securityHeaders(
    contentSecurityPolicy({ connectSrc: origins.map((o) => o.replace('http:', 'ws:')) }),
  );

  // A failed start is reported by whoever awaits the app; the transport only refuses the calls.
  const closeWs = attachWsTransport({
    server,
    router: Promise.resolve(options.app).then((app) => app.router),
    token,
    allowedOrigins: () => origins,
    log,
  });
  log.info('listening', { port });

  return {
    url,
    openUrl: `${url}/#token=${token}`,
    port,
    token,
    async close() {
      await closeWs();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
