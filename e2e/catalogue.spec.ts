import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';

const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Everything labelled with this run id, as `docker ps -a`, `volume ls`, `network ls` and `images -a` see it. */
function leftovers(runId: string): string[] {
  const filter = `label=berth.run=${runId}`;
  return [
    docker('ps', '-aq', '--filter', filter),
    docker('volume', 'ls', '-q', '--filter', filter),
    docker('network', 'ls', '-q', '--filter', filter),
    docker('images', '-aq', '--filter', filter),
  ].filter(Boolean);
}

test.describe('catalogue demos in the app', () => {
  test('the latest-tag demo runs from its card in Tags and Digests and proves the old build runs', async ({
    berth,
  }) => {
    const { page } = berth;
    await openNote(page, 'Tags and Digests');
    const card = page.locator('.demo-card:not(.is-suggested)[data-demo="latest-is-just-a-tag"]');
    await card.scrollIntoViewIfNeeded();
    await expect(card.locator('.demo-card-title')).toHaveText(
      'The latest tag is just a label, not the newest image',
    );
    await expect(
      page.locator('.demo-card:not(.is-suggested)[data-demo="rmi-untags-first"]'),
    ).toBeVisible();
    await card.getByRole('button', { name: 'Run demo' }).click();
    const run = card.locator('.demo-run');
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 90_000 });
    const runId = (await run.getAttribute('data-run-id')) ?? '';
    await expect(card.locator('.demo-step[data-status="passed"]')).toHaveCount(6);
    await expect(card.locator('.demo-cli').nth(2)).toContainText(
      `docker tag berth-demo-${runId}-app:v1 berth-demo-${runId}-app`,
    );
    await expect(card.locator('.demo-output').last()).toContainText(
      'I am version 1 (the OLD build)',
    );
    await card.locator('.demo-step').last().scrollIntoViewIfNeeded();
    await berth.shot('01-latest-card-passed');
    expect(leftovers(runId)).toEqual([]);
  });

  test('the shared-layers demo shows disk usage with shared and unique sizes, then leaves nothing', async ({
    berth,
  }) => {
    const { page } = berth;
    await page.getByRole('tab', { name: 'Demos' }).click();
    const pane = page.getByLabel('Demos', { exact: true });
    await pane.getByLabel('Search demos').fill('shared layers');
    await pane.locator('.demo-row[data-demo-row="shared-base-layers"]').click();
    const detail = page.locator('.demo-detail');
    await expect(detail.locator('.demo-detail-title')).toHaveText(
      'Images built on one base share its layers',
    );
    await detail.getByRole('button', { name: 'Run demo' }).click();
    const run = detail.locator('.demo-run');
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 120_000 });
    const runId = (await run.getAttribute('data-run-id')) ?? '';
    const df = detail.locator('.demo-table').last();
    await expect(df).toContainText('Shared size');
    await expect(df.locator('tr', { hasText: 'one:v1' })).toContainText('8 B');
    await expect(df).toContainText('each layer once');
    await df.scrollIntoViewIfNeeded();
    await berth.shot('02-shared-layers-df');
    expect(leftovers(runId)).toEqual([]);
  });

  test('the restart-policy card in Processes and Signals, in dark mode: RestartCount and the logs of every attempt', async ({
    berth,
  }) => {
    const { page } = berth;
    await page.emulateMedia({ colorScheme: 'dark' });
    await openNote(page, 'Processes and Signals');
    const card = page.locator('.demo-card:not(.is-suggested)[data-demo="restart-policy"]');
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: 'Run demo' }).click();
    const run = card.locator('.demo-run');
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 90_000 });
    const runId = (await run.getAttribute('data-run-id')) ?? '';
    await expect(card.locator('.demo-cli').first()).toContainText('--restart on-failure:3');
    await expect(card.locator('.demo-output').nth(1)).toContainText(
      '→ 3; state exited (exit code 1)',
    );
    await expect(card.locator('.demo-output').last()).toContainText('crashing now');
    await card.locator('.demo-step').last().scrollIntoViewIfNeeded();
    await berth.shot('03-restart-policy-dark');
    expect(leftovers(runId)).toEqual([]);
  });
});
