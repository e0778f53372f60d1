/**
 * Boots the real Electron main process (main/index.ts: security, protocols, services, IPC transport,
 * window, notifications, quit) against the in-process electron stand-in, one scenario per defect
 * of issue 18. What cannot be verified without a real Electron binary is listed in the README.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from './contract/channels';
import {
  createElectronStandIn,
  type ElectronStandIn,
  type StandInWindow,
} from './electron/testing/electron-stand-in';

const root = path.resolve(import.meta.dirname, '..');
let current:
  { standIn: ElectronStandIn; argv: string[]; env: Record<string, string | undefined> } | undefined;

interface BootOptions {
  packaged?: boolean;
  ready?: boolean;
  argv?: string[];
  env?: Record<string, string>;
  breakProtocol?: boolean;
  resourcesPath?: string;
  userData?: string;
}

async function boot(
  options: BootOptions = {},
): Promise<{ standIn: ElectronStandIn; window: () => StandInWindow }> {
  vi.resetModules();
  const standIn = createElectronStandIn({
    packaged: options.packaged ?? false,
    ...(options.userData ? { userData: options.userData } : {}),
  });
  if (options.breakProtocol) {
    (standIn.module.protocol as Record<string, unknown>).handle = () => {
      throw new Error('protocol handler could not be registered');
    };
  }
  vi.doMock('electron', () => ({ ...standIn.module, default: standIn.module }));
  const env: Record<string, string | undefined> = {
    DOCKER_HOST: process.env.DOCKER_HOST,
    ELECTRON_RENDERER_URL: process.env.ELECTRON_RENDERER_URL,
  };
  process.env.DOCKER_HOST = 'unix:///nonexistent/berth-standin.sock';
  for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;
  const argv = process.argv;
  process.argv = options.argv ?? [process.execPath, root];
  if (options.resourcesPath)
    Object.defineProperty(process, 'resourcesPath', {
      value: options.resourcesPath,
      configurable: true,
    });
  current = { standIn, argv, env };
  await import('./index');
  if (options.ready ?? true) {
    standIn.ready();
    await until(() => standIn.windows.size > 0 || standIn.errorBoxes.length > 0);
  }
  return { standIn, window: () => [...standIn.windows][0]! };
}

/** Waits until the start-up vault is open. */
async function vaultOpen(standIn: ElectronStandIn, win: StandInWindow): Promise<string> {
  let root = '';
  await until(() => {
    void standIn
      .invoke(IpcChannel.Call, win.webContents, { method: 'vault.info', params: {} })
      .then((r) => (root = (r as { value?: { root: string } }).value?.root ?? ''));
    return root !== '';
  });
  return root;
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('timed out waiting for the main process');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function shutDown(standIn: ElectronStandIn): Promise<void> {
  if (standIn.quitState !== 'quit') {
    standIn.quit();
    await until(() => standIn.quitState === 'quit', 10_000).catch(() => undefined);
  }
}

afterEach(async () => {
  if (!current) return;
  await shutDown(current.standIn);
  process.argv = current.argv;
  for (const [key, value] of Object.entries(current.env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  current = undefined;
  vi.doUnmock('electron');
});

function settingsEvents(standIn: ElectronStandIn, win: StandInWindow): number {
  return win.webContents.sent.filter(
    (m) =>
      m.channel === IpcChannel.Event &&
      (m.payload as { event: string }).event === 'settings.changed',
  ).length;
}

async function changeSetting(
  standIn: ElectronStandIn,
  win: StandInWindow,
  fontSize: number,
): Promise<unknown> {
  return standIn.invoke(IpcChannel.Call, win.webContents, {
    method: 'settings.update',
    params: { fontSize },
  });
}

describe('the desktop main process against the electron stand-in', { timeout: 30_000 }, () => {
  it('keeps a window’s subscriptions across same-document and blocked navigations, and drops them on a reload', async () => {
    const { standIn, window } = await boot();
    const win = window();
    standIn.sendFrom(IpcChannel.Subscribe, win.webContents, 'settings.changed');
    await changeSetting(standIn, win, 15);
    expect(settingsEvents(standIn, win)).toBe(1);

    win.webContents.navigate('app://berth/index.html#heading', { sameDocument: true });
    await changeSetting(standIn, win, 16);
    expect(settingsEvents(standIn, win)).toBe(2);

    // A navigation the guard blocks (will-navigate prevented) must not end the subscriptions either.
    expect(win.webContents.navigate('https://example.invalid/')).toBe(false);
    await changeSetting(standIn, win, 17);
    expect(settingsEvents(standIn, win)).toBe(3);

    win.webContents.navigate('app://berth/index.html');
    await changeSetting(standIn, win, 18);
    expect(settingsEvents(standIn, win)).toBe(3);
  });

  it('lets our own page write to the clipboard and nothing else', async () => {
    const { standIn, window } = await boot();
    const ask = (permission: string, url: string) =>
      new Promise<boolean>((resolve) =>
        standIn.permission.request!(window().webContents, permission, resolve, {
          requestingUrl: url,
        }),
      );
    expect(await ask('clipboard-sanitized-write', 'app://berth/index.html')).toBe(true);
    expect(await ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(await ask('clipboard-read', 'app://berth/index.html')).toBe(false);
    expect(await ask('media', 'app://berth/index.html')).toBe(false);
    expect(
      standIn.permission.check!(window().webContents, 'clipboard-sanitized-write', 'app://berth', {
        requestingUrl: 'app://berth/index.html',
      }),
    ).toBe(true);
    expect(
      standIn.permission.check!(window().webContents, 'notifications', 'app://berth', {}),
    ).toBe(false);
  });

  it('opens an attachment of the vault with the system, after the confinement check', async () => {
    const { standIn, window } = await boot({
      argv: [process.execPath, root, `--vault=${path.join(root, 'notes')}`],
    });
    const call = (params: unknown) =>
      standIn.invoke(IpcChannel.Call, window().webContents, {
        method: 'vault.openAttachment',
        params,
      });
    await vaultOpen(standIn, window());
    const opened = (await call({ path: 'attachments/mount-types.svg' })) as { ok: boolean };
    expect(opened).toMatchObject({ ok: true, value: { opened: true } });
    expect(standIn.openedPaths).toEqual([
      path.join(root, 'notes', 'attachments', 'mount-types.svg'),
    ]);
    const escaped = (await call({ path: '../package.json' })) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(escaped.ok).toBe(false);
    expect(standIn.openedPaths).toHaveLength(1);
  });

  it('finishes disposing before the process quits', async () => {
    const { standIn } = await boot();
    const log = path.join(standIn.userData, 'logs', 'berth.log');
    standIn.quit();
    expect(standIn.quitState).not.toBe('quit');
    await until(() => standIn.quitState === 'quit', 10_000);
    expect(fs.readFileSync(log, 'utf8')).toMatch(/shut down/);
  });

  it('shows an error and quits when start-up fails, and never leaves a window-less process holding the lock', async () => {
    const { standIn } = await boot({ ready: false, breakProtocol: true });
    expect(standIn.app.listenerCount('window-all-closed')).toBeGreaterThan(0);
    expect(standIn.app.listenerCount('second-instance')).toBeGreaterThan(0);
    standIn.ready();
    await until(() => standIn.errorBoxes.length > 0);
    expect(standIn.errorBoxes[0]!.content).toMatch(/protocol handler could not be registered/);
    expect(standIn.errorBoxes[0]!.content).toContain(path.join(standIn.userData, 'logs'));
    await until(() => standIn.quitState === 'quit');
  });

  it('keeps the bundled vault read-only in a packaged app', async () => {
    const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-resources-'));
    fs.cpSync(path.join(root, 'notes'), path.join(resources, 'notes'), { recursive: true });
    const { standIn, window } = await boot({
      packaged: true,
      resourcesPath: resources,
      argv: [path.join(resources, 'berth')],
    });
    expect(await vaultOpen(standIn, window())).toBe(path.join(resources, 'notes'));
    const created = (await standIn.invoke(IpcChannel.Call, window().webContents, {
      method: 'vault.createNote',
      params: { name: 'Scratch' },
    })) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(created.ok).toBe(false);
    expect(created.error?.message).toMatch(/read-only/i);
    expect(fs.existsSync(path.join(resources, 'notes', 'Scratch.md'))).toBe(false);
  });

  it('in development, serves the renderer from electron-vite’s dev server and does not take "." for a vault', async () => {
    const server = http.createServer((_req, res) =>
      res.end('<!doctype html><title>fresh from the dev server</title>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const { standIn } = await boot({
        argv: [process.execPath, '.'],
        env: { ELECTRON_RENDERER_URL: `http://127.0.0.1:${port}` },
      });
      const page = await standIn.fetch('app://berth/index.html');
      expect(await page.text()).toContain('fresh from the dev server');
      const info = (await standIn.invoke(IpcChannel.Call, [...standIn.windows][0]!.webContents, {
        method: 'vault.info',
        params: {},
      })) as {
        value?: { root?: string };
      };
      expect(info.value?.root).not.toBe(path.resolve('.'));
    } finally {
      server.close();
    }
  });

  it('shows a maximized window only when ready, and answers a second launch that comes before it is ready', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-standin-'));
    fs.writeFileSync(
      path.join(userData, 'settings.json'),
      JSON.stringify({ window: { width: 1200, height: 800, maximized: true } }),
    );
    const { standIn, window } = await boot({ userData, ready: false });
    const vault = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-second-vault-'));
    fs.writeFileSync(path.join(vault, 'Second.md'), '# Second\n');
    standIn.app.emit('second-instance', {}, [process.execPath, root, vault], os.tmpdir());
    standIn.ready();
    await until(() => standIn.windows.size > 0);
    const win = window();
    expect(win.calls).not.toContain('maximize');
    win.becomeReady();
    expect(win.calls.indexOf('maximize')).toBeGreaterThan(win.calls.indexOf('ready-to-show'));
    expect(win.isVisible()).toBe(true);
    let openRoot = '';
    await until(() => {
      void standIn
        .invoke(IpcChannel.Call, win.webContents, { method: 'vault.info', params: {} })
        .then((r) => (openRoot = (r as { value?: { root: string } }).value?.root ?? ''));
      return openRoot === vault;
    });
  });
});
