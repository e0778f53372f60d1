import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { silentLogger } from '../services/logging/logger';
import { EventHub } from './event-hub';
import { Router, type Handlers } from './router';
import { attachWsTransport, checkUpgrade, tokensMatch } from './ws-transport';

const TOKEN = 'secret-token-123';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(pending?: (router: Router) => Promise<Router>) {
  const hub = new EventHub(silentLogger);
  const router = new Router(
    {
      'system.info': () => ({ name: 'Berth', version: '1', mode: 'web', platform: 'linux' }),
    } as unknown as Handlers,
    hub,
    silentLogger,
  );
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const close = attachWsTransport({
    server,
    router: pending ? pending(router) : router,
    token: TOKEN,
    allowedOrigins: () => [origin],
    log: silentLogger,
  });
  closers.push(async () => {
    await close();
    await new Promise<void>((r) => server.close(() => r()));
  });
  return { port, origin, hub };
}

function connect(port: number, query: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc${query}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    ws.once('error', reject);
  });
}

describe('WebSocket transport', () => {
  it('compares tokens in constant time and rejects near misses', () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch('secret-token-124', TOKEN)).toBe(false);
    expect(tokensMatch('', TOKEN)).toBe(false);
    expect(tokensMatch(undefined, TOKEN)).toBe(false);
  });

  it('refuses a foreign Origin, a missing token and a wrong path', () => {
    const req = (url: string, origin?: string, host = '127.0.0.1:1') =>
      ({ url, headers: origin ? { origin, host } : { host } }) as http.IncomingMessage;
    expect(
      checkUpgrade(req(`/rpc?token=${TOKEN}`, 'http://127.0.0.1:1', 'rebound.example:1'), TOKEN, [
        'http://127.0.0.1:1',
      ])?.status,
    ).toBe(421);
    expect(
      checkUpgrade(req(`/rpc?token=${TOKEN}`, 'http://evil.example'), TOKEN, ['http://127.0.0.1:1'])
        ?.status,
    ).toBe(403);
    expect(checkUpgrade(req(`/rpc?token=${TOKEN}`), TOKEN, ['http://127.0.0.1:1'])?.status).toBe(
      403,
    );
    expect(
      checkUpgrade(req('/rpc', 'http://127.0.0.1:1'), TOKEN, ['http://127.0.0.1:1'])?.status,
    ).toBe(401);
    expect(
      checkUpgrade(req(`/other?token=${TOKEN}`, 'http://127.0.0.1:1'), TOKEN, [
        'http://127.0.0.1:1',
      ])?.status,
    ).toBe(404);
    expect(
      checkUpgrade(req(`/rpc?token=${TOKEN}`, 'http://127.0.0.1:1'), TOKEN, ['http://127.0.0.1:1']),
    ).toBeNull();
  });

  it('refuses a frame over 8 MiB before parsing it (close code 1009)', async () => {
    const { port, origin } = await serve();
    const ws = await connect(port, `?token=${TOKEN}`, origin);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    ws.send(
      JSON.stringify({
        type: 'call',
        id: 1,
        method: 'system.info',
        params: { pad: 'x'.repeat(8 * 1024 * 1024) },
      }),
    );
    expect(await closed).toBe(1009);
  });

  it('serves calls and events to an authorised client, and cleans up on close', async () => {
    const { port, origin, hub } = await serve();
    await expect(connect(port, '?token=nope', origin)).rejects.toThrow('401');
    await expect(connect(port, `?token=${TOKEN}`, 'http://evil.example')).rejects.toThrow('403');

    const ws = await connect(port, `?token=${TOKEN}`, origin);
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'system.info', params: {} }));
    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'nope.nothing', params: {} }));
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'subscribe', event: 'system.notice' }));
    await new Promise((r) => setTimeout(r, 100));
    hub.publish('system.notice', { level: 'info', message: 'hello' });
    await new Promise((r) => setTimeout(r, 100));
    expect(messages).toContainEqual({
      type: 'result',
      id: 1,
      response: {
        ok: true,
        value: { name: 'Berth', version: '1', mode: 'web', platform: 'linux' },
      },
    });
    expect(messages).toContainEqual({
      type: 'result',
      id: 2,
      response: {
        ok: false,
        error: { code: 'unknown-method', message: 'Unknown method "nope.nothing".' },
      },
    });
    expect(messages).toContainEqual({ type: 'error', message: 'Messages must be JSON.' });
    expect(messages).toContainEqual({
      type: 'event',
      event: 'system.notice',
      payload: { level: 'info', message: 'hello' },
    });
    expect(hub.listenerCount('system.notice')).toBe(1);
    ws.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(hub.listenerCount('system.notice')).toBe(0);
  });

  it('answers what came while the services were still loading, in order, once they are', async () => {
    let loaded: (router: Router) => void = () => undefined;
    const { port, origin, hub } = await serve(() => new Promise<Router>((resolve) => (loaded = resolve)));
    const ws = await connect(port, `?token=${TOKEN}`, origin);
    const messages: { type: string; id?: number }[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ type: 'subscribe', event: 'system.notice' }));
    for (const id of [1, 2, 3]) ws.send(JSON.stringify({ type: 'call', id, method: 'system.info', params: {} }));
    await new Promise((r) => setTimeout(r, 100));
    expect(messages).toEqual([]);
    // The router of serve() is handed over: the calls run and the subscription holds.
    const ready = new Router({ 'system.info': () => ({ name: 'Berth', version: '1', mode: 'web', platform: 'linux' }) } as unknown as Handlers, hub, silentLogger);
    loaded(ready);
    await expect.poll(() => messages.length).toBe(3);
    expect(messages.map((m) => m.id)).toEqual([1, 2, 3]);
    hub.publish('system.notice', { level: 'info', message: 'loaded' });
    await expect.poll(() => messages.some((m) => m.type === 'event')).toBe(true);
    ws.close();
  });

  it('tells the client when Berth could not start, instead of leaving its calls unanswered', async () => {
    const { port, origin } = await serve(() => Promise.reject(new Error('the settings folder is read-only')));
    const ws = await connect(port, `?token=${TOKEN}`, origin);
    const messages: unknown[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'system.info', params: {} }));
    await expect.poll(() => messages).toEqual([{ type: 'error', message: 'Berth could not start: the settings folder is read-only' }]);
    ws.close();
  });
});
