import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';

const root = path.resolve(import.meta.dirname, '..');
const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A vault the way students write: bold pseudo-headings, typos, a pasted table, a half-wrong claim, two languages. */
function studentVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-step-vault-'));
  fs.mkdirSync(path.join(dir, 'docker'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'docker', 'anonymus volumes (lecture 4).md'),
    [
      '**Anonymus volumes**',
      '',
      'when you do `docker run -v /data` docker makes a volume with a random name. Prof said `docker rm` deletes it too (?? not sure)',
      '',
      '| befehl | was passiert |',
      '|---|---|',
      '| docker rm | container weg, volume bleibt?? |',
      '| docker rm -v | beides weg |',
      '',
      '**Try it**',
      '',
      '```berth-demo anonymous-volume-dangling',
      'see if the volume stays after rm',
      '```',
      '',
      'Zusammenfassung: dangling = kein container benutzt es mehr',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'docker', 'netzwerke.md'),
    '**Networks**\n\nbridge is default, containers talk by name?? only on user-defined ones\n',
  );
  return dir;
}

test.use({ berthOptions: { vault: studentVault() } });

async function waitForNext(run: Locator, index: number) {
  await expect(run).toHaveAttribute('data-waiting', 'step', { timeout: 30_000 });
  await expect(run.locator(`.demo-step[data-step="${index}"]`)).toHaveAttribute(
    'aria-current',
    'step',
  );
}

test('steps through the anonymous-volume demo: the dangling volume shows between steps, Clean up removes it, the script matches --print-script', async ({
  berth,
}) => {
  test.setTimeout(180_000);
  const { page } = berth;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openNote(page, 'anonymus volumes (lecture 4)');
  const card = page.locator('.demo-card:not(.is-suggested)[data-demo="anonymous-volume-dangling"]');
  await expect(card).toBeVisible();
  await card.getByRole('switch', { name: 'Step by step' }).check();
  await card.getByRole('button', { name: 'Step through' }).click();

  const run = card.locator('.demo-run');
  const runId = (await run.getAttribute('data-run-id')) ?? '';
  expect(runId).toMatch(/^[a-z0-9]+$/);
  await waitForNext(run, 0);
  // Nothing ran on its own: the next step shows its command before it runs.
  await expect(run.locator('.demo-step[data-status="pending"]')).toHaveCount(8);
  await expect(run.locator('.demo-step.is-next .demo-cli')).toContainText(
    'volume-label=berth.anonymous=plain',
  );
  await run.scrollIntoViewIfNeeded();
  await berth.shot('01-step-through-waiting');

  // Space in the run view runs step 1, the button step 2, Enter step 3.
  await run.focus();
  await page.keyboard.press('Space');
  await expect(run.locator('.demo-step[data-step="0"]')).toHaveAttribute('data-status', 'passed', {
    timeout: 30_000,
  });
  await waitForNext(run, 1);
  await card.getByRole('button', { name: /Next step/ }).click();
  await expect(run.locator('.demo-step[data-step="1"]')).toHaveAttribute('data-status', 'passed', {
    timeout: 30_000,
  });
  await waitForNext(run, 2);
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(run.locator('.demo-step[data-step="2"]')).toHaveAttribute('data-status', 'passed', {
    timeout: 30_000,
  });
  await waitForNext(run, 3);

  // The state the demo teaches is there, in Docker and in the Storage lanes: a dangling volume.
  const volume = docker(
    'volume',
    'ls',
    '-q',
    '--filter',
    `label=berth.run=${runId}`,
    '--filter',
    'label=berth.anonymous=plain',
    '--filter',
    'dangling=true',
  );
  expect(volume).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByRole('tab', { name: 'Storage' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Search storage').fill(volume.slice(0, 16));
  const row = page.locator(`.storage-row[data-item="volume:${volume}"]`);
  await expect(row).toHaveAttribute('data-state', 'dangling', { timeout: 15_000 });
  await expect(row).toHaveAttribute('data-demo', 'true');
  await run.locator('.demo-step[data-step="2"]').scrollIntoViewIfNeeded();
  await berth.shot('02-step-3-dangling-volume-in-storage');

  for (const index of [3, 4, 5, 6, 7]) {
    await waitForNext(run, index);
    await card.getByRole('button', { name: /Next step/ }).click();
  }
  await expect(run).toHaveAttribute('data-waiting', 'cleanup', { timeout: 30_000 });
  await expect(run.locator('.demo-verdict')).toHaveText(
    /Docker behaved as this demo expects: all \d+ checks held\./,
  );
  // Still nothing cleaned up: the dangling volume waits for the click.
  await expect(row).toHaveAttribute('data-state', 'dangling');
  await run.scrollIntoViewIfNeeded();
  await berth.shot('03-waiting-for-clean-up');

  await card.getByRole('button', { name: 'Clean up' }).click();
  await expect(run).not.toHaveAttribute('data-waiting', /.+/, { timeout: 30_000 });
  await expect(run).toHaveAttribute('data-status', 'passed');
  await expect(card.locator('.demo-cleanup')).toContainText('Removed');
  await expect(row).toHaveAttribute('data-state', 'removed', { timeout: 15_000 });
  const filter = `label=berth.run=${runId}`;
  expect(
    [
      docker('ps', '-aq', '--filter', filter),
      docker('volume', 'ls', '-q', '--filter', filter),
    ].filter(Boolean),
  ).toEqual([]);
  await berth.shot('04-cleaned-up');

  // "Copy all as script" gives exactly what `npm run demo -- ID --print-script` prints.
  await card.getByRole('button', { name: 'Copy all as script' }).click();
  await expect(card.getByRole('button', { name: 'Copied script' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const printed = execFileSync(
    'npx',
    ['tsx', 'main/cli/demo.ts', 'anonymous-volume-dangling', '--print-script'],
    { cwd: root, encoding: 'utf8' },
  );
  expect(copied).toBe(printed);
  expect(copied).toContain('trap cleanup EXIT');

  // The Demos pane shares the Step by step switch.
  await page.getByRole('tab', { name: 'Demos' }).click();
  const pane = page.getByLabel('Demos', { exact: true });
  await pane.getByLabel('Search demos').fill('dangling');
  await pane.locator('.demo-row[data-demo-row="anonymous-volume-dangling"]').click();
  const detail = page.locator('.demo-detail');
  await expect(detail.getByRole('switch', { name: 'Step by step' })).toBeChecked();
  await expect(detail.getByRole('button', { name: 'Step through again' })).toBeVisible();
  await berth.shot('05-pane-step-switch');
});

test('leaving the note cleans up a step-through run that waits', async ({ berth }) => {
  test.setTimeout(120_000);
  const { page } = berth;
  await openNote(page, 'anonymus volumes (lecture 4)');
  const card = page.locator('.demo-card:not(.is-suggested)[data-demo="anonymous-volume-dangling"]');
  await card.getByRole('switch', { name: 'Step by step' }).check();
  await card.getByRole('button', { name: 'Step through' }).click();
  const run = card.locator('.demo-run');
  const runId = (await run.getAttribute('data-run-id')) ?? '';
  await waitForNext(run, 0);
  await card.getByRole('button', { name: /Next step/ }).click();
  await waitForNext(run, 1);
  const filter = `label=berth.run=${runId}`;
  expect(docker('ps', '-aq', '--filter', filter)).not.toBe('');
  await page.emulateMedia({ colorScheme: 'dark' });
  await run.scrollIntoViewIfNeeded();
  await berth.shot('06-dark-paused-before-step-2');

  await openNote(page, 'netzwerke');
  await expect
    .poll(
      () =>
        [
          docker('ps', '-aq', '--filter', filter),
          docker('volume', 'ls', '-q', '--filter', filter),
        ].filter(Boolean),
      { timeout: 30_000 },
    )
    .toEqual([]);
});
