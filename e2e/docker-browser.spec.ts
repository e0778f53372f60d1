import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const tag = `p${process.pid}`;
const web = `berth-e2e-web-${tag}`;
const keep = `berth-e2e-keep-${tag}`;
const volume = `berth-e2e-vol-${tag}`;
const keepVolume = `berth-e2e-keepvol-${tag}`;
const repo = `berth-e2e-img`;
const label = 'berth-e2e=1';
let danglingId = '';

function docker(...args: string[]): string {
  return execFileSync('docker', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function build(ref: string, content: string): string {
  return execFileSync('docker', ['build', '-q', '--label', label, '-t', ref, '-'], {
    input: `FROM berth-busybox:1.36-local\nRUN echo ${content} > /e2e.txt\n`,
    encoding: 'utf8',
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
  }).trim();
}

function cleanup(): void {
  const attempts = [
    ['rm', '-fv', web, keep],
    ['rmi', '-f', `${repo}:${tag}`, `${repo}:${tag}-alias`, `${repo}:${tag}-old`],
    ['volume', 'rm', '-f', volume, keepVolume],
  ];
  if (danglingId) attempts.push(['rmi', '-f', danglingId]);
  for (const args of attempts) {
    try {
      docker(...args);
    } catch {
      /* already gone */
    }
  }
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('aside.dock')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('Docker resource browser', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(() => {
    cleanup();
    danglingId = build(`${repo}:${tag}-old`, 'first');
    build(`${repo}:${tag}-old`, 'second');
    build(`${repo}:${tag}`, 'tagged');
    docker('tag', `${repo}:${tag}`, `${repo}:${tag}-alias`);
    docker('volume', 'create', '--label', label, volume);
    docker('volume', 'create', '--label', label, keepVolume);
    docker(
      'run',
      '-d',
      '--name',
      web,
      '--label',
      label,
      '-v',
      `${volume}:/data`,
      '-p',
      '127.0.0.1::8080',
      'berth-busybox:1.36-local',
      'sh',
      '-c',
      'echo hello from berth-e2e; echo a warning >&2; exec sleep 600',
    );
    docker(
      'run',
      '-d',
      '--name',
      keep,
      '--label',
      label,
      'berth-busybox:1.36-local',
      'sh',
      '-c',
      'echo kept; exec sleep 600',
    );
  });

  test.afterAll(() => cleanup());

  test('containers, images, volumes and networks: browse, act with confirmation, open Storage', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    await page.locator('aside.dock [data-tab="docker"]').click();
    const pane = page.locator('.rb-view');

    // Containers: the row, its detail, its logs.
    const row = pane.locator(`tr[data-container="${web}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText('running');
    await expect(row).toContainText('→8080/tcp');
    await row.getByRole('button', { name: web }).click();
    const detail = page.getByRole('region', { name: 'Container details' });
    await expect(detail).toContainText(volume);
    await expect(detail).toContainText('/data');
    await expect(detail).toContainText('bridge');
    await berth.shot('01-containers-light');
    await detail.getByRole('tab', { name: 'Logs' }).click();
    await expect(detail.locator('.rb-log-line.stream-stdout')).toContainText(
      'hello from berth-e2e',
    );
    await expect(detail.locator('.rb-log-line.stream-stderr')).toContainText('a warning');
    await expect(detail.locator('.cli-line')).toContainText(`docker logs --tail 200 ${web}`);
    await berth.shot('02-container-logs');

    // Stop, with confirmation and the CLI line.
    await detail.getByRole('button', { name: 'Stop', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: `Stop ${web}?` });
    await expect(dialog).toContainText(`docker stop -t 5 ${web}`);
    await berth.shot('03-stop-confirm');
    await dialog.getByTestId('confirm-action').click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('exited', { timeout: 15_000 });
    // Start again.
    await detail.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(row).toContainText('running', { timeout: 15_000 });

    // Remove a running container: the dialog says it will be killed and shows -f.
    await detail.getByRole('button', { name: 'Remove…' }).click();
    dialog = page.getByRole('dialog', { name: `Remove ${web}?` });
    await expect(dialog).toContainText('It is running');
    await expect(dialog).toContainText(`docker rm -f ${web}`);
    await dialog.getByTestId('confirm-action').click();
    await expect(row).toHaveCount(0, { timeout: 15_000 });
    await expect(detail).toBeHidden();

    // Images: tags, dangling, layers, prune preview (cancelled).
    await pane.getByRole('tab', { name: /Images/ }).click();
    const image = pane.locator(`tr[data-image="${repo}:${tag}"]`);
    await expect(image).toBeVisible();
    await expect(image).toContainText('+1 tag');
    await image.getByRole('button').click();
    const imageDetail = page.getByRole('region', { name: 'Image details' });
    await expect(imageDetail).toContainText(`${repo}:${tag}-alias`);
    await imageDetail.getByRole('tab', { name: 'Layers' }).click();
    await expect(imageDetail.locator('.rb-layers')).toContainText('echo tagged > /e2e.txt');
    await berth.shot('04-images-light');
    await pane.getByTestId('open-image-prune').click();
    dialog = page.getByRole('dialog', { name: 'Prune images' });
    const short = danglingId.replace('sha256:', '').slice(0, 12);
    await expect(dialog.getByRole('list', { name: 'Images that would be removed' })).toContainText(
      short,
    );
    await expect(dialog).toContainText('docker image prune');
    await expect(dialog.getByTestId('prune-reclaim')).toBeVisible();
    await berth.shot('05-image-prune-preview');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(docker('image', 'inspect', '-f', '{{.Id}}', danglingId)).toBe(danglingId);

    // Networks.
    await pane.getByRole('tab', { name: /Networks/ }).click();
    await expect(pane.locator('tr[data-network="bridge"]')).toContainText('built-in');
    await berth.shot('06-networks-light');
    // With the networking view registered (networks.reveal), a row opens it there.
    await pane.locator('tr[data-network="bridge"]').getByRole('button').click();
    await expect(page.locator('aside.dock [data-tab="networks"]')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.locator('aside.dock [data-tab="docker"]').click();

    // Volumes: a row opens the Storage view's detail of that volume.
    await pane.getByRole('tab', { name: /Volumes/ }).click();
    const vol = pane.locator(`tr[data-volume="${volume}"]`);
    await expect(vol).toBeVisible();
    await berth.shot('07-volumes-light');
    await vol.getByRole('button').click();
    await expect(page.locator('aside.dock [data-tab="storage"]')).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const storageDetail = page.locator(`[data-detail="volume:${volume}"]`);
    await expect(storageDetail).toBeVisible();
    await berth.shot('08-volume-in-storage');

    // Storage fixes: the driver once, mount modes in words, Berth's helper named and filterable.
    await expect(storageDetail.locator('dd').first()).toHaveText('local');
    await storageDetail.locator('[data-detail-tab="history"]').click();
    await expect(storageDetail.locator('.timeline')).toContainText('read-write');
    await expect(storageDetail.locator('.timeline')).not.toContainText('· z');
    await storageDetail.locator('[data-detail-tab="files"]').click();
    await expect(storageDetail).toContainText('empty', { timeout: 15_000 });
    await page.locator('.storage-view [data-mode="events"]').click();
    const helperRows = page.locator('.event-row.is-helper');
    await expect(helperRows.first()).toBeVisible();
    await expect(
      page.locator('.event-row.is-helper[data-event="container create"]').first(),
    ).toContainText(`berth-helper-${volume}-`);
    await berth.shot('09-events-helper-marked');
    await page.getByRole('checkbox', { name: "Berth's helper" }).uncheck();
    await expect(helperRows).toHaveCount(0);

    // Clear removed: a removed volume's row goes, and only from the list.
    await page.locator('.storage-view [data-mode="lanes"]').click();
    docker('volume', 'rm', volume);
    const lane = page.locator(`.storage-view [data-item="volume:${volume}"]`);
    await expect(lane).toContainText('removed', { timeout: 15_000 });
    await page.getByTestId('clear-removed').click();
    await expect(lane).toHaveCount(0);
  });

  test('every tab in light and dark, Berth filter, no serious axe findings', async ({ berth }) => {
    const { page } = berth;
    await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    await page.locator('aside.dock [data-tab="docker"]').click();
    const pane = page.locator('.rb-view');
    await expect(pane.locator(`tr[data-container="${keep}"]`)).toBeVisible();
    // Berth's own objects: only them, then none of them.
    await pane.getByLabel('Owner').selectOption('berth');
    await expect(pane.locator(`tr[data-container="${keep}"]`)).toHaveCount(0);
    await pane.getByRole('tab', { name: /Images/ }).click();
    await expect(pane.locator('tr[data-image="berth-busybox:1.36-local"]')).toContainText(
      'Berth base image',
    );
    await pane.getByLabel('Owner').selectOption('mine');
    await expect(pane.locator('tr[data-image="berth-busybox:1.36-local"]')).toHaveCount(0);
    await pane.getByLabel('Owner').selectOption('all');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const kind of ['containers', 'images', 'volumes', 'networks']) {
        await pane.locator(`[data-kind="${kind}"]`).click();
        await expect(pane.locator('.rb-table').first()).toBeVisible();
        if (kind === 'containers')
          await pane.locator(`tr[data-container="${keep}"]`).getByRole('button').click();
        if (kind === 'images')
          await pane.locator(`tr[data-image="${repo}:${tag}"]`).getByRole('button').click();
        await page.waitForTimeout(300);
        await berth.shot(`tab-${kind}-${scheme}`);
        expect(await seriousViolations(page), `${kind} ${scheme}`).toEqual([]);
      }
    }
  });
});
