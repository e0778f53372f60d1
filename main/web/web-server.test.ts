import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BerthApp } from '../app/create-app';
import { EventHub } from '../rpc/event-hub';
import { Router, type Handlers } from '../rpc/router';
import { silentLogger } from '../services/logging/logger';
import { isLoopbackHost, startWebServer, type RunningWebServer } from './web-server';

const servers: RunningWebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function fakeApp(): BerthApp {
  const hub = new EventHub(silentLogger);
  return { hub, router: new Router({} as Handlers, hub, silentLogger) } as unknown as BerthApp;
}

async function start(routes = true) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-web-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Berth</title>');
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'berth-secret.txt'), 'secret');
  const server = await startWebServer({
    app: fakeApp(),
    rendererDir: dir,
    log: silentLogger,
    routes: routes
      ? [
          {
            prefix: '/vault-file/',
            handle: (_req, res) => void res.writeHead(200).end('attachment'),
          },
        ]
      : [],
  });
  servers.push(server);
  return server;
}

/** A raw request with a chosen Host header (fetch does not let a page choose it either). */
function requestWithHost(
  server: RunningWebServer,
  host: string,
  extra: Record<string, string> = {},
  pathName = '/',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathName, headers: { Host: host, ...extra } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 101);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web server', () => {
  it('answers only for its own loopback address and port in Host (DNS rebinding)', async () => {
    const server = await start();
    expect(await requestWithHost(server, `127.0.0.1:${server.port}`)).toBe(200);
    expect(await requestWithHost(server, `localhost:${server.port}`)).toBe(200);
    for (const host of [
      `attacker.example:${server.port}`,
      'attacker.example',
      `127.0.0.1:${server.port + 1}`,
      `127.0.0.1.nip.io:${server.port}`,
    ]) {
      expect(await requestWithHost(server, host), host).toBe(421);
    }
    const upgrade = {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      Origin: `http://attacker.example:${server.port}`,
    };
    expect(
      await requestWithHost(
        server,
        `attacker.example:${server.port}`,
        upgrade,
        `/rpc?token=${server.token}`,
      ),
    ).toBe(421);
  });

  it('refuses to bind anything but loopback', async () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.4')).toBe(false);
    await expect(
      startWebServer({ app: fakeApp(), rendererDir: '/tmp', log: silentLogger, host: '0.0.0.0' }),
    ).rejects.toThrow(/only listens on loopback/);
  });

  it('serves the app with the CSP and without CORS, and a random token per run', async () => {
    const a = await start();
    const b = await start();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(32);
    expect(a.openUrl).toBe(`${a.url}/#token=${a.token}`);
    const response = await fetch(`${a.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves files outside the renderer folder', async () => {
    const server = await start();
    for (const probe of [
      '/../berth-secret.txt',
      '/%2e%2e/berth-secret.txt',
      '/..%2fberth-secret.txt',
      '/app.js%00.html',
    ]) {
      const response = await fetch(`${server.url}${probe}`);
      expect(await response.text()).not.toBe('secret');
    }
  });

  it('grants the session cookie only for the right token from our origin', async () => {
    const server = await start();
    const denied = await fetch(`${server.url}/auth`, {
      method: 'POST',
      headers: { 'X-Berth-Token': 'wrong', Origin: server.url },
    });
    expect(denied.status).toBe(401);
    const foreign = await fetch(`${server.url}/auth`, {
      method: 'POST',
      headers: { 'X-Berth-Token': server.token, Origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(401);
    const granted = await fetch(`${server.url}/auth`, {
      method: 'POST',
      headers: { 'X-Berth-Token': server.token, Origin: server.url },
    });
    expect(granted.status).toBe(204);
    const cookie = granted.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    expect((await fetch(`${server.url}/vault-file/a.png`)).status).toBe(401);
    const withCookie = await fetch(`${server.url}/vault-file/a.png`, {
      headers: { Cookie: cookie.split(';')[0]! },
    });
    expect(await withCookie.text()).toBe('attachment');
  });
});
