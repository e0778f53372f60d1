import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { XSS_PAYLOADS as PAYLOADS } from './support/xss-payloads';

test.describe('notes safety', () => {
  test.use({
    berthOptions: {
      vault: (() => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-xss-vault-'));
        const body = PAYLOADS.map((payload, i) => `## Payload ${i + 1}\n\n${payload}\n`).join('\n');
        fs.writeFileSync(path.join(dir, 'Welcome.md'), `# XSS corpus\n\n${body}\n\nEnd of corpus.`);
        fs.writeFileSync(path.join(dir, 'Target.md'), '# Target');
        fs.writeFileSync(path.join(dir, 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
        fs.appendFileSync(path.join(dir, 'Welcome.md'), '\n\n![[evil.svg]]\n');
        return dir;
      })(),
    },
  });

  test('no payload executes and no request leaves the app', async ({ berth }) => {
    const { page, url } = berth;
    const dialogs: string[] = [];
    const external: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith(url ?? 'http://127.0.0.1') && !target.startsWith('ws://127.0.0.1') && !target.startsWith('data:') && !target.startsWith('blob:')) external.push(target);
    });
    await page.addInitScript(() => {
      (window as unknown as { __alerts: string[] }).__alerts = [];
      window.alert = (message?: unknown) => (window as unknown as { __alerts: string[] }).__alerts.push(String(message));
    });
    await page.reload();
    await expect(page.locator('.note-reader .note-title')).toHaveText('Welcome');
    const body = page.locator('.note-reader .note-body');
    await expect(body).toContainText('End of corpus.');
    await expect(body.locator('img.embed-image[data-vault-path="evil.svg"]')).toBeAttached();

    // Interact: hover and click everything link-like, toggle details, focus inputs.
    for (const link of await body.locator('a').all()) {
      await link.hover({ timeout: 2000 }).catch(() => undefined);
      await link.click({ timeout: 2000, noWaitAfter: true }).catch(() => undefined);
      await expect(page.locator('.note-reader .note-title')).toBeVisible();
    }
    await page.waitForTimeout(500);

    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    const alerts = await page.evaluate(() => (window as unknown as { __alerts?: string[] }).__alerts ?? []);
    expect(pwned).toBeUndefined();
    expect(alerts).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(external).toEqual([]);
    const html = await body.innerHTML();
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<style|<link|<meta|<base|<form|\son[a-z]+=|style="/i);
    expect(html).not.toMatch(/(?<![\w-])(?:href|src)="\s*(?:javascript|vbscript|file|data:text)/i);
    await expect(page.locator('.app')).toBeVisible();
    await berth.shot('xss-corpus');
  });

  test('attachments are served only from inside the vault, with the session cookie', async ({ berth }) => {
    const { page, url } = berth;
    await expect(page.locator('.note-reader .note-title')).toHaveText('Welcome');
    const inside = await page.request.get(`${url}/vault-file/Target.md`);
    expect(inside.status()).toBe(200);
    const svg = await page.request.get(`${url}/vault-file/evil.svg`);
    expect(svg.headers()['content-security-policy']).toContain('sandbox');
    for (const attempt of ['/vault-file/..%2F..%2Fetc%2Fpasswd', '/vault-file/%2Fetc%2Fpasswd', '/vault-file/Target.md%00.png', '/vault-file/..%5C..%5Cwin.ini']) {
      const response = await page.request.get(`${url}${attempt}`);
      expect([400, 403, 404]).toContain(response.status());
    }
    const anonymous = await fetch(`${url}/vault-file/Target.md`);
    expect(anonymous.status).toBe(401);
  });
});
