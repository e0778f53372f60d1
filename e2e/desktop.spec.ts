import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

function settingsFile(userDataDir: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(userDataDir, 'settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

async function menu(page: Page, name: string, item: string) {
  await page
    .getByRole('menubar', { name: 'Application menu' })
    .getByRole('menuitem', { name, exact: true })
    .click();
  const popup = page.getByRole('menu', { name });
  await expect(popup).toBeVisible();
  return popup.getByRole('menuitem', { name: item });
}

test.describe('desktop habits: the menu, settings and shortcuts (web mode)', () => {
  test.beforeEach(() => {
    test.skip(
      test.info().project.name !== 'web',
      'the in-window menu bar is web mode only; Electron uses the native menu',
    );
  });

  test('the menu bar has File, View, Go and Help and runs commands with the mouse', async ({
    berth,
  }) => {
    const { page } = berth;
    const bar = page.getByRole('menubar', { name: 'Application menu' });
    await expect(bar.getByRole('menuitem')).toHaveText(['File', 'View', 'Go', 'Help']);
    const about = await menu(page, 'Help', 'About Berth');
    await expect(page.getByRole('menu', { name: 'Help' })).toContainText('Open Logs Folder');
    await berth.shot('menu-help');
    await about.click();
    const dialog = page.getByRole('dialog', { name: 'About Berth' });
    await expect(dialog).toBeVisible();
    const pkg = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8'),
    ) as { version: string };
    await expect(dialog.getByTestId('about-version')).toHaveText(pkg.version);
    await expect(dialog).toContainText('Web mode');
    await expect(dialog).toContainText(berth.userDataDir);
    await berth.shot('about');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the menu bar works from the keyboard: F10, arrows, Enter, Escape', async ({ berth }) => {
    const { page } = berth;
    // The app first (CI pressed F10 190 ms after the page loaded, before React had mounted the menu bar's key handler).
    await expect(page.locator('.note-reader .note-title')).toHaveText('Welcome');
    await page.locator('body').click({ position: { x: 700, y: 450 } });
    await page.keyboard.press('F10');
    await expect(page.getByRole('menuitem', { name: 'File', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('menuitem', { name: 'View', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const view = page.getByRole('menu', { name: 'View' });
    await expect(view).toBeVisible();
    await expect(view.getByRole('menuitem', { name: 'Toggle Sidebar' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(view.getByRole('menuitem', { name: 'Toggle Docker Pane' })).toBeFocused();
    await berth.shot('menu-view-keyboard');
    await page.keyboard.press('Escape');
    await expect(view).toBeHidden();
    await expect(page.getByRole('menuitem', { name: 'View', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('aside.dock')).toBeHidden();
    await expect.poll(() => settingsFile(berth.userDataDir).hiddenPanes).toEqual(['dock']);
  });

  test('File > Settings changes the theme at once and keeps it after a reload', async ({
    berth,
  }) => {
    const { page } = berth;
    await (await menu(page, 'File', 'Settings…')).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog.getByRole('tab', { name: /Appearance/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await berth.shot('settings-appearance');
    await dialog.getByText('Dark', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await dialog.getByLabel('Note text size').fill('18');
    await expect(dialog.locator('output').first()).toHaveText('18px');
    await berth.shot('settings-appearance-dark');
    await expect
      .poll(() => settingsFile(berth.userDataDir))
      .toMatchObject({ theme: 'dark', fontSize: 18, version: 4 });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const fontSize = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--font-size'),
    );
    expect(fontSize.trim()).toBe('18px');
  });

  test('a bad Docker host is refused with a reason and the typed text is kept', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(page.locator('.titlebar')).toBeVisible();
    await page.keyboard.press(`${mod}+Comma`);
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('tab', { name: /Docker/ }).click();
    await expect(dialog.locator('.connection-card')).toHaveAttribute('data-state', 'connected');
    const input = dialog.getByLabel('Docker host');
    await input.fill('192.168.1.20:2375');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(
      'The Docker host must start with unix://, npipe://, tcp:// or ssh://',
    );
    await expect(input).toHaveValue('192.168.1.20:2375');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await berth.shot('settings-docker-invalid');
    expect(settingsFile(berth.userDataDir).dockerHost).toBe('');
    await dialog.getByRole('tab', { name: /Demos/ }).click();
    await dialog.getByLabel('Demo image').fill('busybox 1.36');
    await dialog.getByLabel('Demo image').press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('image reference');
    await dialog.getByLabel('Demo image').fill('berth-busybox:1.36-local');
    await dialog.getByLabel('Demo image').press('Enter');
    await expect
      .poll(() => settingsFile(berth.userDataDir).demoImage)
      .toBe('berth-busybox:1.36-local');
    await berth.shot('settings-demos');
  });

  test('keyboard shortcuts toggle panes, zoom and move focus between panes', async ({ berth }) => {
    const { page } = berth;
    await expect(page.locator('aside.dock')).toBeVisible();
    await page.keyboard.press(`${mod}+KeyJ`);
    await expect(page.locator('aside.dock')).toBeHidden();
    await page.keyboard.press(`${mod}+KeyJ`);
    await expect(page.locator('aside.dock')).toBeVisible();

    await page.keyboard.press(`${mod}+Equal`);
    await expect.poll(() => page.evaluate(() => document.documentElement.style.zoom)).toBe('1.1');
    await page.keyboard.press(`${mod}+Equal`);
    await expect.poll(() => settingsFile(berth.userDataDir).zoom).toBe(1.25);
    await berth.shot('zoom-125');
    await page.keyboard.press(`${mod}+Digit0`);
    await expect.poll(() => page.evaluate(() => document.documentElement.style.zoom)).toBe('');

    await page.keyboard.press(`${mod}+Digit3`);
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('aside.dock'))))
      .toBe(true);
    await page.keyboard.press(`${mod}+Digit2`);
    await expect
      .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('main.center'))))
      .toBe(true);

    await page.keyboard.press(`${mod}+Slash`);
    const sheet = page.getByRole('dialog', { name: 'Keyboard Shortcuts' });
    await expect(sheet).toContainText('Toggle Docker Pane');
    await expect(sheet).toContainText('Ctrl+J');
    await berth.shot('shortcuts');
  });

  test('Help > Open Logs Folder shows where the log is, and the log holds no token', async ({
    berth,
  }) => {
    const { page } = berth;
    await (await menu(page, 'Help', 'Open Logs Folder')).click();
    const toast = page.locator('.toast').filter({ hasText: 'logs are in' });
    await expect(toast).toContainText(path.join(berth.userDataDir, 'logs'));
    await berth.shot('logs-toast');
    const log = fs.readFileSync(path.join(berth.userDataDir, 'logs', 'berth.log'), 'utf8');
    expect(log).toContain('"scope":"web"');
    expect(log).not.toContain(berth.token!);
    // The host prints the token once, in the address the user must open; nowhere else.
    const lines = berth
      .hostOutput()
      .split('\n')
      .filter((line) => line.includes(berth.token!.slice(0, 12)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\s*http:\/\/127\.0\.0\.1:\d+\/#token=/);
    // …and it is the only address printed: no token-less one to open by mistake.
    expect(berth.hostOutput().match(/http:\/\/127\.0\.0\.1:\d+/g)).toHaveLength(1);
  });

  test('panes hidden with the menu stay hidden after a restart of the page', async ({ berth }) => {
    const { page } = berth;
    await (await menu(page, 'View', 'Toggle Docker Pane')).click();
    await expect(page.locator('aside.dock')).toBeHidden();
    await page.reload();
    await expect(page.locator('.titlebar')).toBeVisible();
    await expect(page.locator('aside.dock')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show Docker pane' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await berth.shot('dock-hidden');
  });
});
