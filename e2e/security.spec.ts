import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { expect, test } from './fixtures';

/** A page on another origin (another loopback port), as a malicious local site would be. */
async function foreignSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens Berth's RPC socket from Node with the given token and Origin; resolves the HTTP status or 101. */
function tryUpgrade(base: string, token: string | null, origin: string | null): Promise<number> {
  const url = `${base.replace('http:', 'ws:')}/rpc${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
  return new Promise((resolve) => {
    const socket = new WebSocket(url, origin === null ? {} : { headers: { Origin: origin } });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => resolve(0));
  });
}

test.describe('security in web mode', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'web', 'web-mode checks; the Electron equivalents are unit tests in main/security.test.ts');
  });

  test('the RPC socket needs the token and our Origin; a wrong one gets 401/403', async ({ berth }) => {
    const base = berth.url!;
    expect(new URL(base).hostname).toBe('127.0.0.1');
    expect(await tryUpgrade(base, berth.token!, base)).toBe(101);
    expect(await tryUpgrade(base, null, base)).toBe(401);
    expect(await tryUpgrade(base, 'not-the-token', base)).toBe(401);
    expect(await tryUpgrade(base, berth.token!, 'http://evil.example')).toBe(403);
    expect(await tryUpgrade(base, berth.token!, null)).toBe(403);
  });

  test('a page from another origin cannot call the RPC, read the app, or frame it — even knowing the token', async ({ berth }) => {
    const target = berth.url!;
    const site = await foreignSite(`<!doctype html><title>evil</title><body>
      <iframe id="frame" src="${target}/#token=${berth.token}"></iframe>
      <script>
        window.results = {};
        const ws = new WebSocket(${JSON.stringify(`${target.replace('http:', 'ws:')}/rpc?token=${berth.token}`)});
        ws.onopen = () => { window.results.ws = 'open'; ws.send(JSON.stringify({ type: 'call', id: 1, method: 'settings.update', params: { theme: 'dark' } })); };
        ws.onmessage = (m) => { window.results.message = m.data; };
        ws.onerror = () => { window.results.ws = 'error'; };
        fetch(${JSON.stringify(`${target}/`)}).then((r) => r.text()).then(() => { window.results.read = 'read'; }, () => { window.results.read = 'blocked'; });
        fetch(${JSON.stringify(`${target}/auth`)}, { method: 'POST', headers: { 'X-Berth-Token': ${JSON.stringify(berth.token)} }, credentials: 'include' })
          .then((r) => { window.results.auth = r.status; }, () => { window.results.auth = 'blocked'; });
      </script></body>`);
    try {
      const page = await berth.page.context().newPage();
      await page.goto(site.url);
      await expect.poll(() => page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results.ws)).toBe('error');
      await expect.poll(() => page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results.read)).toBe('blocked');
      await expect.poll(() => page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results.auth)).toBe('blocked');
      // The frame never shows Berth: frame-ancestors 'none' and X-Frame-Options: DENY.
      const frame = page.frames().find((f) => f !== page.mainFrame());
      await expect.poll(async () => (await frame?.locator('.titlebar').count()) ?? 0).toBe(0);
      await page.close();
      expect(berth.hostOutput()).toContain('refused WebSocket connection');
      // Nothing changed: the settings are still the defaults.
      await expect(berth.page.locator('html')).not.toHaveAttribute('data-theme', 'dark');
    } finally {
      await site.close();
    }
  });

  test('every response carries the CSP and no CORS header', async ({ berth }) => {
    const response = await fetch(`${berth.url}/`, { headers: { Origin: 'http://evil.example' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const html = await response.text();
    expect(html).toMatch(/<meta\s+http-equiv="Content-Security-Policy"/);
  });

  test('the CSP blocks an injected inline script and inline handlers', async ({ berth }) => {
    const { page } = berth;
    await expect(page.locator('.titlebar')).toBeVisible();
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.__pwnedScript = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__pwnedHandler = true');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { script: w.__pwnedScript, handler: w.__pwnedHandler, violations };
    });
    expect(result.script).toBeUndefined();
    expect(result.handler).toBeUndefined();
    expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  test('window.open is denied and a click on a remote link does not navigate Berth away', async ({ berth }) => {
    const { page } = berth;
    await expect(page.locator('.titlebar')).toBeVisible();
    const before = page.url();
    const opened = await page.evaluate(() => window.open('https://example.com/', '_blank'));
    expect(opened).toBeNull();
    expect(page.context().pages()).toHaveLength(1);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://example.com/phish';
      a.textContent = 'remote link';
      a.id = 'remote-link';
      document.body.append(a);
    });
    await page.locator('#remote-link').click();
    await expect(page.locator('.toast').filter({ hasText: 'Opened in your browser' }).first()).toBeVisible();
    expect(page.url()).toBe(before);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'file:///etc/passwd';
      a.textContent = 'file link';
      a.id = 'file-link';
      document.body.append(a);
    });
    await page.locator('#file-link').click();
    await expect(page.locator('.toast').filter({ hasText: 'did not open that link' })).toContainText('only opens http, https and mailto');
    expect(page.url()).toBe(before);
    // A form cannot post anywhere either (form-action 'none').
    const formBlocked = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective === 'form-action'), { once: true });
          const form = document.createElement('form');
          form.action = 'https://example.com/steal';
          form.method = 'post';
          document.body.append(form);
          form.submit();
          setTimeout(() => resolve(false), 2000);
        }),
    );
    expect(formBlocked).toBe(true);
    expect(page.url()).toBe(before);
  });

  test('permission requests are denied (camera, microphone, geolocation)', async ({ berth }) => {
    const { page } = berth;
    await expect(page.locator('.titlebar')).toBeVisible();
    const result = await page.evaluate(async () => {
      const media = await navigator.mediaDevices
        ?.getUserMedia({ video: true, audio: true })
        .then(() => 'granted', (e: Error) => e.name);
      const geo = await new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('granted'),
          (e) => resolve(e.code === e.PERMISSION_DENIED ? 'denied' : `error ${e.code}`),
        ),
      );
      const policy = (document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy;
      const allowed = ['camera', 'microphone', 'geolocation'].filter((f) => policy?.allowsFeature(f) ?? true);
      const state = (await navigator.permissions.query({ name: 'geolocation' })).state;
      return { media: media ?? 'unavailable', geo, allowed, state };
    });
    expect(result.media).not.toBe('granted');
    expect(result.geo).toBe('denied');
    expect(result.state).toBe('denied');
    expect(result.allowed).toEqual([]);
    const policy = (await (await fetch(`${berth.url}/`)).headers.get('permissions-policy')) ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(policy).toContain(feature);
  });
});
