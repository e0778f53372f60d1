import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveStatic } from './static-files';

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(root: string): Promise<(urlPath: string, method?: string) => Promise<{ status: number; body: string; length: string | undefined }>> {
  const server = http.createServer((req, res) => serveStatic(root, new URL(req.url ?? '/', 'http://x').pathname, res, {}));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return async (urlPath, method = 'GET') => {
    const response = await fetch(`http://127.0.0.1:${port}${urlPath}`, { method });
    return { status: response.status, body: await response.text(), length: response.headers.get('content-length') ?? undefined };
  };
}

describe('static files', () => {
  it('answers from memory, and a file changed on disk is served new', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-static-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>One</title>');
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    const get = await serve(root);
    expect(await get('/assets/app.js')).toEqual({ status: 200, body: 'console.log(1)', length: '14' });
    expect((await get('/')).body).toContain('One');
    // A rebuild writes new files: a different size (or time) is read again.
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Two, rebuilt</title>');
    expect((await get('/any/client/route')).body).toContain('Two, rebuilt');
    expect(await get('/assets/app.js', 'HEAD')).toEqual({ status: 200, body: '', length: '14' });
  });

  it('streams files too big to keep, and refuses what is outside or missing', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-static-'));
    fs.writeFileSync(path.join(root, 'index.html'), 'x');
    fs.writeFileSync(path.join(root, 'big.bin'), Buffer.alloc(2_500_000, 97));
    const get = await serve(root);
    const big = await get('/big.bin');
    expect([big.status, big.body.length, big.length]).toEqual([200, 2_500_000, '2500000']);
    expect((await get('/missing.js')).status).toBe(404);
    // (fetch folds the dots: the page's own index; raw paths are checked in web-server.test.ts)
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
  });
});
