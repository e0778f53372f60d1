import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PrivateDockerd } from './support/private-dockerd';

/**
 * Starts the private daemon again after a kill. The helper kills containerd too but leaves its
 * pid file; if the pid was reused meanwhile, dockerd waits forever for a containerd that is not
 * there. Removing the stale file lets it start its own.
 */
async function startAgain(daemon: PrivateDockerd): Promise<void> {
  fs.rmSync(path.join(daemon.root, 'exec', 'containerd', 'containerd.pid'), { force: true });
  await daemon.start();
}

const row = (page: Page, name: string) => page.locator(`.storage-row[data-item="volume:${name}"]`);

test.describe('volumes: the daemon dies, freezes and comes back', () => {
  const daemon = new PrivateDockerd('berth-e2e-volumes');
  test.describe.configure({ mode: 'serial' });
  test.use({ berthOptions: { vault: 'copy', dockerHost: daemon.host } });
  test.beforeAll(async () => {
    if (!daemon.isUp()) await daemon.stop('SIGKILL');
    await startAgain(daemon);
    for (const name of [
      'vol-keep',
      'vol-remove-while-away',
      'vol-made-while-away',
      'vol-frozen',
      'vol-keep-gone',
      'vol-found-by-listing',
    ]) {
      try {
        daemon.docker('volume', 'rm', '-f', name);
      } catch {
        // not there
      }
    }
  });
  test.afterAll(async () => {
    daemon.freeze(false);
    await daemon.stop();
  });

  test('kill -9: banner and stale state; back within 5 s with the changes made meanwhile', async ({
    berth,
  }) => {
    const { page } = berth;
    const status = page.locator('.docker-status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', 'vol-keep');
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', 'vol-remove-while-away');
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', 'vol-keep-gone');
    await expect(row(page, 'vol-keep')).toHaveAttribute('data-state', 'created');
    await expect(row(page, 'vol-keep-gone')).toHaveAttribute('data-state', 'created');
    await expect(row(page, 'vol-remove-while-away')).toHaveAttribute('data-state', 'created');

    await daemon.stop('SIGKILL');
    await expect(page.getByTestId('disconnected-banner')).toContainText('Docker is disconnected', {
      timeout: 5000,
    });
    await expect(page.getByTestId('stale-badge')).toBeVisible();
    // The last known state stays visible.
    await expect(row(page, 'vol-keep')).toBeVisible();
    await expect(row(page, 'vol-remove-while-away')).toBeVisible();
    await berth.shot('01-killed-stale');

    // Changes Docker never announces: a volume dropped into the data root and one taken out
    // while the daemon is dead. Only reconciling by listing after the reconnect can find them.
    const volumesDir = path.join('/var/lib', daemon.name, 'volumes');
    fs.mkdirSync(path.join(volumesDir, 'vol-found-by-listing', '_data'), { recursive: true });
    fs.rmSync(path.join(volumesDir, 'vol-keep-gone'), { recursive: true, force: true });
    await startAgain(daemon);
    const upAt = Date.now();
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', 'vol-made-while-away');
    daemon.docker('volume', 'rm', 'vol-remove-while-away');
    await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 5000 });
    await expect(row(page, 'vol-made-while-away')).toHaveAttribute('data-state', 'created', {
      timeout: 5000,
    });
    await expect(row(page, 'vol-remove-while-away')).toHaveAttribute('data-state', 'removed', {
      timeout: 5000,
    });
    await expect(row(page, 'vol-found-by-listing')).toHaveAttribute('data-state', 'created', {
      timeout: 5000,
    });
    await expect(row(page, 'vol-keep-gone')).toHaveAttribute('data-state', 'removed', {
      timeout: 5000,
    });
    expect(Date.now() - upAt).toBeLessThan(5000 + 2000);
    await expect(page.getByTestId('disconnected-banner')).toHaveCount(0);
    await expect(page.getByTestId('stale-badge')).toHaveCount(0);
    await berth.shot('02-reconnected-changes-shown');

    await page.locator('[data-mode="events"]').click();
    await expect(page.locator('.event-row[data-event="volume create"]').first()).toBeVisible();
    await expect(page.getByTestId('missed-count')).not.toHaveText('0');
    await berth.shot('03-events-after-reconnect');
  });

  test('SIGSTOP: the UI keeps answering while Docker does not', async ({ berth }) => {
    const { page } = berth;
    const status = page.locator('.docker-status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', 'vol-frozen');
    await expect(row(page, 'vol-frozen')).toHaveAttribute('data-state', 'created');

    daemon.freeze(true);
    try {
      await expect(page.getByTestId('disconnected-banner')).toContainText('not answering', {
        timeout: 12_000,
      });
      // Interactions still answer at once.
      const started = Date.now();
      await page.getByLabel('Search storage').fill('vol-frozen');
      await expect(page.locator('.storage-row')).toHaveCount(1);
      await row(page, 'vol-frozen').click();
      await expect(page.locator('[data-detail="volume:vol-frozen"]')).toBeVisible();
      await page.locator('[data-mode="events"]').click();
      await page.locator('[data-mode="lanes"]').click();
      expect(Date.now() - started).toBeLessThan(3000);
      await berth.shot('04-frozen-ui-responsive');
    } finally {
      daemon.freeze(false);
    }
    await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 10_000 });
    daemon.docker('volume', 'rm', 'vol-frozen');
    await expect(row(page, 'vol-frozen')).toHaveAttribute('data-state', 'removed');
  });
});
