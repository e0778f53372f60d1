import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Dockerode from 'dockerode';
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

const row = (page: Page, id: string) => page.locator(`.storage-row[data-item="${id}"]`);

async function expectState(page: Page, id: string, state: string) {
  await expect(row(page, id)).toHaveAttribute('data-state', state, { timeout: 5000 });
}

test.describe('volumes: live lifecycle against the real dockerd', () => {
  const run = `bvol${Date.now().toString(36)}`;
  const runLabel = `berth.e2e=${run}`;
  const bindDir = fs.mkdtempSync(path.join(os.tmpdir(), `${run}-bind-`));
  const named = `${run}-named`;
  const web = `${run}-web`;
  const second = `${run}-second`;
  const anonymous: string[] = [];

  test.afterAll(() => {
    tryDocker('rm', '-fv', web, second);
    for (const name of [named, ...anonymous]) tryDocker('volume', 'rm', '-f', name);
    fs.rmSync(bindDir, { recursive: true, force: true });
  });

  test('named, anonymous, bind and tmpfs through run, stop, rm, rm -v and prune', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    await expect(page.getByRole('tab', { name: 'Storage' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.getByLabel('Search storage').fill(run);

    docker('volume', 'create', '--label', 'berth.owner=test', '--label', runLabel, named);
    await expectState(page, `volume:${named}`, 'created');
    await expect(row(page, `volume:${named}`)).toHaveAttribute('data-kind', 'named');
    await berth.shot('01-named-volume-created');

    const id = docker(
      'run',
      '-d',
      '--network',
      'none',
      '--name',
      web,
      '--label',
      'berth.owner=test',
      '-v',
      `${named}:/named`,
      '--tmpfs',
      '/scratch:size=1m',
      '-v',
      `${bindDir}:/host:ro`,
      '-v',
      '/data',
      'berth-busybox:1.36-local',
      'sh',
      '-c',
      'echo "hello from berth" > /data/hello.txt && mkdir -p /named/conf && echo port=8080 > /named/conf/app.ini && sleep 600',
    );
    const anon = (
      JSON.parse(docker('inspect', '--format', '{{json .Mounts}}', web)) as {
        Destination: string;
        Name?: string;
      }[]
    ).find((m) => m.Destination === '/data')!.Name!;
    anonymous.push(anon);
    await expectState(page, `volume:${named}`, 'mounted');
    await expectState(page, `volume:${anon}`, 'mounted');
    await expect(row(page, `volume:${anon}`)).toHaveAttribute('data-kind', 'anonymous');
    await expectState(page, `bind:${bindDir}`, 'mounted');
    await expect(row(page, `bind:${bindDir}`)).toHaveAttribute('data-kind', 'bind');
    await expectState(page, `tmpfs:${id}:/scratch`, 'mounted');
    await expect(row(page, `tmpfs:${id}:/scratch`)).toHaveAttribute('data-kind', 'tmpfs');
    await berth.shot('02-running-all-four-mounted');

    // Detail, content browser and CLI of the named volume.
    await row(page, `volume:${named}`).click();
    const detail = page.locator(`[data-detail="volume:${named}"]`);
    await expect(detail).toContainText(web);
    await detail.locator('[data-detail-tab="files"]').click();
    await detail.locator('[data-file="conf"]').click();
    await detail.locator('[data-file="conf/app.ini"]').click();
    await expect(detail.getByTestId('file-text')).toHaveText('port=8080\n');
    await berth.shot('03-content-browser');
    expect(
      docker(
        'ps',
        '-aq',
        '--filter',
        'label=berth.owner=helper',
        '--filter',
        `label=berth.volume=${named}`,
      ),
    ).toBe('');
    await detail.locator('[data-detail-tab="cli"]').click();
    await expect(detail.locator('[data-cli="recreate"]')).toHaveText(
      `docker volume create --label berth.e2e=${run} --label berth.owner=test ${named}`,
    );
    await berth.shot('04-cli-commands');
    await page.locator('[data-mode="graph"]').click();
    await expect(page.getByTestId('storage-graph')).toBeVisible();
    await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
    // The graph fills the dock: its nodes are fitted to the pane, not left in a corner.
    await expect
      .poll(async () => {
        const pane = await page.getByTestId('storage-graph').boundingBox();
        const nodes = await page.locator('.react-flow__node').evaluateAll((els) => {
          const boxes = els.map((el) => el.getBoundingClientRect());
          return { left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)) };
        });
        return pane ? (nodes.right - nodes.left) / pane.width : 0;
      })
      .toBeGreaterThan(0.5);
    await berth.shot('05-graph-selected-volume');
    await page.locator('[data-mode="lanes"]').click();

    docker('stop', '-t', '0', web);
    await expectState(page, `tmpfs:${id}:/scratch`, 'removed');
    await expectState(page, `volume:${named}`, 'unmounted');
    await expectState(page, `volume:${anon}`, 'unmounted');
    await expectState(page, `bind:${bindDir}`, 'unmounted');
    await berth.shot('06-stopped-tmpfs-gone-others-unmounted');

    // Removing a volume in use is refused with an explanation.
    await detail.locator('[data-detail-tab="overview"]').click();
    await detail.getByTestId('remove-volume').click();
    await expect(detail.getByRole('alert')).toContainText(`in use by container ${web}`);
    await berth.shot('07-remove-refused');

    docker('rm', web);
    await expectState(page, `volume:${anon}`, 'dangling');
    await expectState(page, `volume:${named}`, 'dangling');
    await expectState(page, `bind:${bindDir}`, 'removed');
    await row(page, `volume:${anon}`).click();
    await expect(page.getByTestId('created-by')).toHaveText(web);
    await berth.shot('08-rm-anonymous-dangling-owned-by-web');

    const secondId = docker(
      'run',
      '-d',
      '--network',
      'none',
      '--name',
      second,
      '--label',
      'berth.owner=test',
      '-v',
      '/cache',
      'berth-busybox:1.36-local',
      'sleep',
      '600',
    );
    const secondAnon = (
      JSON.parse(docker('inspect', '--format', '{{json .Mounts}}', second)) as { Name?: string }[]
    )[0]!.Name!;
    anonymous.push(secondAnon);
    await expectState(page, `volume:${secondAnon}`, 'mounted');
    docker('rm', '-fv', second);
    await expectState(page, `volume:${secondAnon}`, 'removed');
    expect(secondId).toBeTruthy();
    await berth.shot('09-rm-v-anonymous-removed');

    // Prune scoped to this run's label: the named volume goes; the list matches docker volume ls.
    docker('volume', 'prune', '-f', '--filter', `label=${runLabel}`);
    await expectState(page, `volume:${named}`, 'removed');
    await expectState(page, `volume:${anon}`, 'dangling');
    await berth.shot('10-prune-reconciled');

    // The dangling anonymous volume: its history, then removal through Berth.
    await row(page, `volume:${anon}`).click();
    const anonDetail = page.locator(`[data-detail="volume:${anon}"]`);
    await anonDetail.locator('[data-detail-tab="files"]').click();
    await anonDetail.locator('[data-file="hello.txt"]').click();
    await expect(anonDetail.getByTestId('file-text')).toHaveText('hello from berth\n');
    await anonDetail.locator('[data-detail-tab="history"]').click();
    await expect(anonDetail.locator('.timeline-entry').first()).toBeVisible();
    await expect(anonDetail).toContainText('volume mount');
    await berth.shot('11-anonymous-history');
    await anonDetail.locator('[data-detail-tab="overview"]').click();
    await anonDetail.getByTestId('remove-volume').click();
    await expectState(page, `volume:${anon}`, 'removed');

    const listed = new Set(docker('volume', 'ls', '-q').split('\n'));
    for (const name of [named, anon, secondAnon]) expect(listed.has(name)).toBe(false);

    await page.locator('[data-mode="events"]').click();
    await expect(page.locator('.event-row').first()).toBeVisible();
    await page.getByLabel('Filter events').fill(run);
    await expect(page.locator('.event-row[data-event="container destroy"]').first()).toBeVisible();
    await berth.shot('12-events-panel');
  });

  test('prune preview lists exactly the dangling volumes of a label and what comes back', async ({
    berth,
  }) => {
    const { page } = berth;
    const label = `berth.e2e-prune=${run}`;
    const keep = `${run}-keep`;
    const drop = `${run}-drop`;
    try {
      docker('volume', 'create', '--label', 'berth.owner=test', '--label', label, drop);
      docker('volume', 'create', '--label', 'berth.owner=test', '--label', label, keep);
      docker(
        'run',
        '--rm',
        '--network',
        'none',
        '--label',
        'berth.owner=test',
        '-v',
        `${drop}:/v`,
        'berth-busybox:1.36-local',
        'sh',
        '-c',
        'head -c 200000 /dev/zero > /v/blob',
      );
      docker(
        'create',
        '--network',
        'none',
        '--name',
        `${run}-holder`,
        '--label',
        'berth.owner=test',
        '-v',
        `${keep}:/v`,
        'berth-busybox:1.36-local',
      );
      await page.getByLabel('Search storage').fill(run);
      await expectState(page, `volume:${keep}`, 'attached');
      await page.getByTestId('open-prune').click();
      const dialog = page.getByRole('dialog', { name: 'Prune dangling volumes' });
      await dialog.getByLabel('Prune label filter').fill(label);
      await expect(dialog.locator('[data-prune]')).toHaveCount(1);
      await expect(dialog.locator(`[data-prune="${drop}"]`)).toContainText('KB');
      await expect(dialog.getByTestId('prune-total')).toContainText('1 volume ·');
      await berth.shot('13-prune-preview');
      await dialog.getByTestId('confirm-prune').click();
      await expect(dialog.getByTestId('prune-result')).toContainText('Removed 1 volume');
      await berth.shot('14-prune-done');
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      await expectState(page, `volume:${drop}`, 'removed');
      await expectState(page, `volume:${keep}`, 'attached');
    } finally {
      tryDocker('rm', '-fv', `${run}-holder`);
      tryDocker('volume', 'rm', '-f', keep, drop);
    }
  });
  test('dark theme, 250 volumes stay virtualised, and the events panel pauses', async ({
    berth,
  }) => {
    test.setTimeout(180_000);
    const { page } = berth;
    await page.emulateMedia({ colorScheme: 'dark' });
    const prefix = `${run}-many-`;
    const names = Array.from({ length: 250 }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
    try {
      await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
      await page.getByLabel('Search storage').fill(prefix);
      const api = new Dockerode({ socketPath: '/var/run/docker.sock' });
      const queue = [...names];
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          for (let name = queue.shift(); name; name = queue.shift()) {
            await api.createVolume({ Name: name, Labels: { 'berth.owner': 'test' } });
          }
        }),
      );
      await expect(page.locator('.filter-count')).toContainText(`${names.length} /`, {
        timeout: 10_000,
      });
      const rendered = await page.locator('.storage-row').count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(100);
      // Rows outside the viewport are not in the DOM; pick the first one drawn.
      await page.locator('.storage-row').first().click();
      await berth.shot('15-dark-300-volumes');

      await page.locator('[data-mode="events"]').click();
      await page.getByTestId('pause-events').click();
      const before = await page.locator('.events-summary').textContent();
      docker('volume', 'rm', names[0]!, names[1]!);
      await expect(page.getByTestId('pause-events')).toContainText('Resume (+');
      expect(await page.locator('.events-summary').textContent()).toBe(before);
      await berth.shot('16-dark-events-paused');
      await page.getByTestId('pause-events').click();
      await expect(page.locator('.event-row[data-event="volume destroy"]').first()).toBeVisible();
    } finally {
      for (let i = 0; i < names.length; i += 100)
        tryDocker('volume', 'rm', '-f', ...names.slice(i, i + 100));
    }
  });
});
