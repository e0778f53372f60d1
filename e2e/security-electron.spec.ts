import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from './support/electron-binary';

/**
 * The Electron half of the security checks, against the real desktop app. Runs in the `electron`
 * project where an Electron binary exists; elsewhere it is skipped with the reason, and the same
 * rules are covered by unit tests with a mocked `electron` (main/security.test.ts, main/window.test.ts,
 * main/rpc/ipc-transport tests) and by e2e/security.spec.ts in web mode.
 */
const root = path.resolve(import.meta.dirname, '..');

test.describe('security in the desktop app', () => {
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    const info = test.info();
    const binary = findElectronBinary(root);
    test.skip(info.project.name !== 'electron' || !('path' in binary), 'path' in binary ? 'desktop checks run in the electron project' : `Electron checks skipped: ${binary.reason}`);
    if (!('path' in binary)) return;
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-electron-'));
    app = await _electron.launch({ executablePath: binary.path, args: [path.join(root, 'out/main/index.js'), `--user-data-dir=${userData}`] });
    page = await app.firstWindow();
    await expect(page.locator('.titlebar')).toBeVisible();
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('the window is isolated, sandboxed and has no Node', async () => {
    // Context isolation: the page sees only what the preload exposed, never Node or Electron.
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(['call', 'subscribe']);
  });

  test('navigation away and new windows are denied', async () => {
    const before = page.url();
    expect(before.startsWith('app://berth/')).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
    expect(app.windows()).toHaveLength(1);
  });

  test('permission requests are denied', async () => {
    const geo = await page.evaluate(
      () => new Promise<string>((resolve) => navigator.geolocation.getCurrentPosition(() => resolve('granted'), (e) => resolve(String(e.code)))),
    );
    expect(geo).toBe('1');
  });

  test('the native menu is built from the shared model', async () => {
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label.replace('&', '')) ?? []);
    expect(labels).toEqual(expect.arrayContaining(['File', 'View', 'Go', 'Help']));
  });
});
