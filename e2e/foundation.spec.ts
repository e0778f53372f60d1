import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { PrivateDockerd } from './support/private-dockerd';

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();

test.describe('foundation: Berth talks to a real Docker', () => {
  test('the status bar shows the engine version', async ({ berth }) => {
    const version = docker('version', '--format', '{{.Server.Version}}');
    const status = berth.page.locator('.docker-status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    await expect(status).toContainText(version);
    await status.click();
    const details = berth.page.getByRole('dialog', { name: 'Docker connection' });
    await expect(details).toContainText(version);
    await expect(details).toContainText('overlay2');
    await berth.shot('status-details');
  });

  test('a volume created outside the app appears within 1 s and disappears when removed', async ({ berth }) => {
    const name = `berth-e2e-${Date.now().toString(36)}`;
    await expect(berth.page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    try {
      docker('volume', 'create', '--label', 'berth.owner=test', name);
      await expect(berth.page.locator(`[data-volume="${name}"]`).first()).toBeVisible({ timeout: 1000 });
      await berth.shot('volume-created');
    } finally {
      docker('volume', 'rm', '-f', name);
    }
    await expect(berth.page.locator(`[data-volume="${name}"]`)).toHaveCount(0, { timeout: 1000 });
  });
});

test.describe('foundation: daemon stops and comes back', () => {
  const daemon = new PrivateDockerd('berth-e2e-foundation');
  test.describe.configure({ mode: 'serial' });
  test.use({ berthOptions: { vault: 'copy', dockerHost: daemon.host } });
  test.beforeAll(async () => {
    await daemon.start();
  });
  test.afterAll(async () => {
    await daemon.stop();
  });

  test('stopping dockerd shows "Docker is not running" within 5 s; starting it reconnects within 5 s', async ({ berth }) => {
    const status = berth.page.locator('.docker-status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', 'before-stop');
    await expect(berth.page.locator('[data-volume="before-stop"]').first()).toBeVisible();

    await daemon.stop('SIGTERM');
    await expect(status).toContainText('Docker is not running', { timeout: 5000 });
    await expect(berth.page.getByText('Showing the last known state.')).toBeVisible();
    await berth.shot('daemon-stopped');

    await daemon.start();
    const restartedAt = Date.now();
    await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 5000 });
    expect(Date.now() - restartedAt).toBeLessThan(5000);
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', 'after-restart');
    await expect(berth.page.locator('[data-volume="after-restart"]').first()).toBeVisible();
    await expect(berth.page.locator('[data-volume="before-stop"]').first()).toBeVisible();
    await berth.shot('daemon-back');
    daemon.docker('volume', 'rm', 'before-stop', 'after-restart');
  });
});

test.describe('foundation: the RPC refuses strangers', () => {
  test('a WebSocket without the token or from a foreign origin is refused', async ({ berth }) => {
    test.skip(berth.mode !== 'web', 'web mode only');
    const result = await berth.page.evaluate(async (origin) => {
      const attempt = (url: string) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('refused');
        });
      return {
        noToken: await attempt(`${origin.replace('http', 'ws')}/rpc`),
        wrongToken: await attempt(`${origin.replace('http', 'ws')}/rpc?token=wrong`),
      };
    }, berth.url!);
    expect(result).toEqual({ noToken: 'refused', wrongToken: 'refused' });

    // Same token, foreign origin: refused before the upgrade.
    const response = await fetch(`${berth.url}/rpc?token=${encodeURIComponent(berth.token!)}`, {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', Origin: 'http://evil.example', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    }).catch((error: Error) => error);
    expect(response instanceof Error || response.status === 403).toBe(true);
  });
});

test.describe('foundation: a corrupt settings file', () => {
  test.use({ berthOptions: { vault: 'copy', userDataFiles: { 'settings.json': '{"theme": "dark", oops' } } });

  test('is kept as a dated backup and the user is told where, and Berth starts', async ({ berth }) => {
    const toast = berth.page.locator('.toast', { hasText: 'settings file could not be read' });
    await expect(toast).toBeVisible();
    await expect(toast).toContainText('settings.corrupt-');
    await expect(berth.page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    const fs = await import('node:fs');
    const backups = fs.readdirSync(berth.userDataDir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(fs.readFileSync(`${berth.userDataDir}/${backups[0]}`, 'utf8')).toBe('{"theme": "dark", oops');
    await berth.shot('corrupt-settings-notice');
  });
});
