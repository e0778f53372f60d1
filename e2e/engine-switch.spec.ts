/**
 * Switching engines in the app (issue 16 §3), web mode: Docker → Podman → Docker from the status
 * bar, with Podman's Docker-compatible socket started by scripts/ensure-podman.sh. Podman is added
 * as a saved endpoint in Settings > Engines; a docker context for it comes from a generated
 * DOCKER_CONFIG. Skipped, with the reason, where podman is not installed.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Berth } from './fixtures';
import { docker, tryDocker } from './support/docker-cli';

const root = path.resolve(import.meta.dirname, '..');
const hasPodman = spawnSync('podman', ['--version']).status === 0;
const podmanUrl = hasPodman
  ? (spawnSync('bash', [path.join(root, 'scripts/ensure-podman.sh')], { encoding: 'utf8' }).stdout.trim().split('\n').pop() ?? '')
  : '';
const ready = podmanUrl.startsWith('unix://');
const id = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
const dockerVolume = `berth-e2e-sw-docker-${id}`;
const podmanVolume = `berth-e2e-sw-podman-${id}`;
const podmanNetwork = `berth-e2e-sw-podnet-${id}`;
const podman = (...args: string[]) => execFileSync('podman', ['--url', podmanUrl, ...args], { encoding: 'utf8' });

/** A docker config folder with a `podman` context, as `docker context create podman --docker host=…` leaves it. */
function dockerConfigWithPodmanContext(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-docker-config-'));
  const metaDir = path.join(dir, 'contexts', 'meta', createHash('sha256').update('podman').digest('hex'));
  fs.mkdirSync(metaDir, { recursive: true });
  fs.writeFileSync(
    path.join(metaDir, 'meta.json'),
    JSON.stringify({ Name: 'podman', Metadata: { Description: 'Podman on this machine' }, Endpoints: { docker: { Host: podmanUrl, SkipTLSVerify: false } } }),
  );
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: {}, currentContext: 'default' }));
  return dir;
}
const dockerConfig = ready ? dockerConfigWithPodmanContext() : '';

test.skip(!ready, 'podman is not installed or its Docker-compatible socket did not start (scripts/ensure-podman.sh)');

test.beforeAll(() => {
  docker('volume', 'create', '--label', 'berth.owner=test', dockerVolume);
  podman('volume', 'create', '--label', 'berth.owner=test', podmanVolume);
  podman('network', 'create', '--label', 'berth.owner=test', podmanNetwork);
});

test.afterAll(() => {
  tryDocker('volume', 'rm', '-f', dockerVolume);
  if (!ready) return;
  spawnSync('podman', ['--url', podmanUrl, 'volume', 'rm', '-f', podmanVolume]);
  spawnSync('podman', ['--url', podmanUrl, 'network', 'rm', '-f', podmanNetwork]);
  fs.rmSync(dockerConfig, { recursive: true, force: true });
});

// Podman answers /info in seconds on a loaded machine: a longer "not answering" threshold for this test.
test.use({ berthOptions: { vault: 'copy', dockerEnv: { DOCKER_CONFIG: dockerConfig, BERTH_DOCKER_TIMEOUT_MS: '20000' } } });

/** Serious or critical axe findings inside `selector` (ids and targets). */
async function axeFindings(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

async function showDockerList(berth: Berth, kind: 'volumes' | 'networks') {
  await berth.page.locator('aside.dock [data-tab="docker"]').click();
  await berth.page.locator(`.rb-view [role="tab"][data-kind="${kind}"]`).click();
}

test('switches Docker → Podman → Docker from the status bar; views follow the engine', async ({ berth }) => {
  test.setTimeout(180_000);
  const { page } = berth;
  const status = page.locator('.docker-status');
  const switcher = page.locator('.engine-switcher');
  await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(status).toContainText('Docker');
  await expect(switcher).toContainText('default');
  await showDockerList(berth, 'volumes');
  await expect(page.locator(`.rb-view [data-volume="${dockerVolume}"]`)).toBeVisible();

  // Settings > Engines: save Podman's socket as an endpoint of Berth's own.
  await page.keyboard.press('Control+Comma');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: /Engines/ }).click();
  const section = settings.locator('.engines-section');
  await expect(section.locator('[data-engine="context:podman"]')).toContainText(podmanUrl);
  await section.getByLabel('Name', { exact: true }).fill('Podman socket');
  await section.getByLabel('URL', { exact: true }).fill('podman.sock');
  await section.getByRole('button', { name: 'Save endpoint' }).click();
  await expect(section.getByRole('alert')).toContainText('must start with unix://');
  await section.getByLabel('URL', { exact: true }).fill(podmanUrl);
  await section.getByRole('button', { name: 'Save endpoint' }).click();
  await expect(section.locator('[data-engine="saved:Podman socket"]')).toBeVisible();
  await berth.shot('engine-switch-settings');
  expect(await axeFindings(page, '.engines-section')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  // The status bar's switcher: contexts and saved endpoints, the current one checked.
  await switcher.click();
  const menu = page.getByRole('menu', { name: 'Switch engine' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitemradio', { name: /default/ })).toHaveAttribute('aria-checked', 'true');
  await expect(menu.getByRole('menuitemradio', { name: /Podman socket/ })).toHaveAttribute('aria-checked', 'false');
  await expect(menu.locator('[data-engine="context:podman"]')).toBeVisible();
  await berth.shot('engine-switch-menu');
  expect(await axeFindings(page, '.engine-menu')).toEqual([]);
  // Keyboard: the current item has focus; Escape closes and gives focus back.
  await expect(menu.getByRole('menuitemradio', { name: /default/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(switcher).toBeFocused();

  await switcher.click();
  await menu.getByRole('menuitemradio', { name: /Podman socket/ }).click();
  await expect(status).toContainText('Podman', { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-state', 'connected');
  await expect(switcher).toContainText('Podman socket');
  await expect(page.locator(`.rb-view [data-volume="${podmanVolume}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`.rb-view [data-volume="${dockerVolume}"]`)).toHaveCount(0);
  await showDockerList(berth, 'networks');
  await expect(page.locator(`.rb-view [data-network="${podmanNetwork}"]`)).toBeVisible({ timeout: 30_000 });
  await switcher.click();
  await expect(menu.getByRole('menuitemradio', { name: /Podman socket/ })).toHaveAttribute('aria-checked', 'true');
  await expect(menu.locator('.engine-menu-item.is-current')).toContainText('Podman');
  await page.keyboard.press('Escape');
  await berth.shot('engine-switch-podman');

  // The choice is remembered in the settings file.
  const settingsFile = path.join(berth.userDataDir, 'settings.json');
  expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))).toMatchObject({ engine: 'saved:Podman socket', savedEndpoints: [{ name: 'Podman socket', url: podmanUrl }] });

  // And back to Docker, with the keyboard this time.
  await switcher.focus();
  await page.keyboard.press('ArrowUp');
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitemradio', { name: /default/ }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Docker', { timeout: 60_000 });
  await expect(status).not.toContainText('Podman');
  await showDockerList(berth, 'volumes');
  await expect(page.locator(`.rb-view [data-volume="${dockerVolume}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(`.rb-view [data-volume="${podmanVolume}"]`)).toHaveCount(0);
  await berth.shot('engine-switch-back-to-docker');
});
