import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tryDocker = (...args: string[]) => {
  try {
    docker(...args);
  } catch {
    // already gone
  }
};
const IMAGE = 'berth-busybox:1.36-local';

/** Serious or critical axe findings inside the Networks view (ids and targets). */
async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('.net-view').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test.describe('networks: live view against the real dockerd', () => {
  const run = `bnet${Date.now().toString(36)}`;
  const app = `${run}-app`;
  const web = `${run}-web`;
  const api = `${run}-api`;
  const old = `${run}-old`;
  const label = ['--label', 'berth.owner=test'];

  test.afterAll(() => {
    tryDocker('rm', '-f', web, api);
    tryDocker('network', 'rm', app);
    tryDocker('network', 'rm', old);
  });

  test('networks by driver, endpoints, who can reach whom, story and host-side veths', async ({
    berth,
  }) => {
    const { page } = berth;
    await page.setViewportSize({ width: 1500, height: 950 });
    await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    await page.getByRole('tab', { name: 'Networks' }).click();
    const row = (name: string) => page.locator(`.net-row[data-network="${name}"]`);
    await expect(row('bridge')).toBeVisible();
    await expect(page.locator('.net-group[data-group="default bridge"]')).toBeVisible();
    await expect(page.locator('.net-group[data-group="host"]')).toBeVisible();
    await expect(page.locator('.net-group[data-group="none"]')).toBeVisible();

    docker('network', 'create', ...label, '--subnet', '10.232.9.0/24', app);
    await expect(row(app)).toContainText('created');
    await expect(row(app)).toContainText('10.232.9.0/24');
    docker(
      'run',
      '-d',
      ...label,
      '--name',
      web,
      '--network',
      app,
      '--network-alias',
      'www',
      '-p',
      '127.0.0.1::80',
      IMAGE,
      'sleep',
      '300',
    );
    docker('run', '-d', ...label, '--name', api, '--network', app, IMAGE, 'sleep', '300');
    docker('network', 'connect', 'bridge', api);
    await expect(row(app)).toContainText('in use');
    await expect(row(app)).toContainText('2 ⇄');
    await berth.shot('01-networks-list');

    await row(app).click();
    const detail = page.getByTestId('network-detail');
    await expect(detail).toContainText('user-defined bridge');
    await expect(page.getByTestId('dns-line')).toContainText('Yes');
    await expect(detail).toContainText('10.232.9.1');
    const webRow = detail.locator(`li[data-endpoint="${web}"]`);
    await expect(webRow).toContainText('www');
    await expect(webRow).toContainText(/127\.0\.0\.1:\d+ → 80\/tcp/);
    const webIp = docker(
      'inspect',
      '-f',
      `{{(index .NetworkSettings.Networks "${app}").IPAddress}}`,
      web,
    );
    await expect(webRow).toContainText(webIp);
    await berth.shot('02-network-detail-endpoints');
    expect(await axeFindings(page)).toEqual([]);

    await webRow.getByRole('button', { name: web }).click();
    await expect(detail.getByRole('tab', { name: 'Who can reach whom' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const route = detail.locator(`.net-route[data-peer="${api}"]`);
    await expect(route).toContainText(web);
    await expect(route.locator('code', { hasText: 'www' })).toBeVisible();
    await berth.shot('03-who-can-reach-whom');
    expect(await axeFindings(page)).toEqual([]);

    // On the default bridge only the IP works.
    await row('bridge').click();
    await expect(page.getByTestId('dns-line')).toContainText('No');
    await detail.locator(`li[data-endpoint="${api}"]`).getByRole('button', { name: api }).click();
    await expect(detail.locator('.net-reach-pick select')).toBeVisible();

    // Removed networks keep their story.
    docker('network', 'create', ...label, old);
    await expect(row(old)).toBeVisible();
    docker('network', 'rm', old);
    await expect(row(old)).toHaveCount(0);
    await page.getByRole('button', { name: /Show \d+ removed network/ }).click();
    await row(old).click();
    await expect(detail.getByRole('tab', { name: 'Story' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(detail.locator('.net-story-entry')).toHaveCount(2);
    await expect(detail.locator('.net-story')).toContainText('removed');
    await berth.shot('04-removed-network-story');
    expect(await axeFindings(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Host side' }).click();
    await page.getByRole('button', { name: 'Read host side' }).click();
    const appId = docker('network', 'inspect', '-f', '{{.Id}}', app);
    const bridge = page.locator(`.net-bridge[data-bridge="br-${appId.slice(0, 12)}"]`);
    await expect(bridge).toContainText(`network ${app}`, { timeout: 15_000 });
    await expect(bridge.locator('.net-veth')).toHaveCount(2);
    await expect(bridge).toContainText(web);
    await expect(bridge).toContainText(api);
    await expect(page.locator('.net-bridge[data-bridge="docker0"]')).toContainText(api);
    await expect(page.getByTestId('veth-matching')).toContainText('matched');
    await berth.shot('05-host-side-veths');
    expect(await axeFindings(page)).toEqual([]);
    // The host-side reader's helper is gone once it answered. (Only its own kind is counted: other
    // helpers, such as the start-up sweep's of any Berth started on this machine, come and go.)
    await expect
      .poll(() => docker('ps', '-aq', '--filter', 'label=berth.owner=helper', '--filter', 'label=berth.helper=network-host-side'), { timeout: 15_000 })
      .toBe('');
  });

  test('the Docker browser opens a network in the Networks view (networks.reveal)', async ({
    berth,
  }) => {
    const { page } = berth;
    const shown = `${run}-shown`;
    docker('network', 'create', ...label, shown);
    try {
      await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
      await page.getByRole('tab', { name: 'Docker', exact: true }).click();
      await page
        .getByRole('tablist', { name: 'Docker resources' })
        .getByRole('tab', { name: 'Networks' })
        .click();
      await page.locator(`tr[data-network="${shown}"]`).first().click();
      await expect(
        page.getByRole('tab', { name: 'Networks', exact: true }).first(),
      ).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('network-detail')).toContainText(shown);
      await expect(page.locator(`.net-row[data-network="${shown}"]`)).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await berth.shot('06-revealed-from-docker-browser');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByTestId('network-detail').getByRole('tab', { name: 'Story' }).click();
      await berth.shot('07-network-detail-dark');
    } finally {
      tryDocker('network', 'rm', shown);
    }
  });
});
