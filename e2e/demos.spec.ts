import { execFileSync } from 'node:child_process';
import { builtInCatalogue } from '../main/services/demos/catalogue';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';

const catalogue = builtInCatalogue();

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Everything labelled with this run id, as `docker ps -a`, `volume ls`, `network ls` and `images` see it. */
function leftovers(runId: string): string[] {
  const filter = `label=berth.run=${runId}`;
  return [
    docker('ps', '-aq', '--filter', filter),
    docker('volume', 'ls', '-q', '--filter', filter),
    docker('network', 'ls', '-q', '--filter', filter),
    docker('images', '-aq', '--filter', filter),
  ].filter(Boolean);
}

test.describe('demos', () => {
  test('runs a demo from its Run card inside a note', async ({ berth }) => {
    const { page } = berth;
    await openNote(page, 'Named Volumes');
    const card = page.locator('.demo-card[data-demo="named-volume-persists"]');
    await expect(card).toBeVisible();
    await expect(card.locator('.demo-card-title')).toHaveText('A named volume outlives its container');
    await card.scrollIntoViewIfNeeded();
    await berth.shot('01-note-card-before');

    await card.getByRole('button', { name: 'Run demo' }).click();
    const run = card.locator('.demo-run');
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
    const runId = (await run.getAttribute('data-run-id')) ?? '';
    expect(runId).toMatch(/^[a-z0-9]+$/);
    await expect(card.locator('.demo-step[data-status="passed"]')).toHaveCount(3);
    // The shown command is the real one, labels included, so a student can paste it.
    await expect(card.locator('.demo-cli').first()).toContainText('docker volume create --label berth.owner=demo');
    await expect(card.locator('.demo-cli').first()).toContainText(`berth.run=${runId} berth-${runId}-data`);
    await expect(card.locator('.demo-output').last()).toContainText('written by the first container');
    await expect(card.locator('.demo-cleanup')).toContainText('Removed');
    await expect(card.locator(`.demo-chip[data-resource="berth-${runId}-data"]`)).toBeVisible();
    await run.scrollIntoViewIfNeeded();
    await berth.shot('02-note-card-passed');

    // The Storage view points out what the run touched (its volume, now removed by cleanup).
    await expect(page.locator('.demo-highlight-banner')).toContainText('A named volume outlives its container');
    await expect(page.locator(`.storage-row[data-demo="true"][data-name="berth-${runId}-data"]`)).toBeVisible();

    // Nothing the run created is left in Docker.
    expect(leftovers(runId)).toEqual([]);
    await expect(card.getByRole('button', { name: 'Run again' })).toBeVisible();

    // "Run Demo of This Note" (Ctrl+Enter) runs the note's first demo again, as a new run.
    await page.locator('.note-reader .note-title').click();
    await page.keyboard.press('Control+Enter');
    await expect(run).not.toHaveAttribute('data-run-id', runId, { timeout: 10_000 });
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
    const second = (await run.getAttribute('data-run-id')) ?? '';
    expect(leftovers(second)).toEqual([]);
  });

  test('runs a demo from the Demos pane, with search, a failing-free table, and history', async ({ berth }) => {
    const { page } = berth;
    await page.getByRole('tab', { name: 'Demos' }).click();
    const pane = page.getByLabel('Demos', { exact: true });
    await expect(pane.locator('.demo-group')).toHaveCount(5);
    await expect(pane.locator('.demo-row')).toHaveCount(catalogue.length);
    await berth.shot('03-pane-catalogue');

    await pane.getByLabel('Search demos').fill('entrypoint');
    await expect(pane.locator('.demo-row')).toHaveCount(1);
    await pane.getByLabel('Search demos').fill('no such thing');
    await expect(pane.getByText('No demo matches')).toBeVisible();
    await pane.getByLabel('Search demos').fill('entrypoint');
    await pane.locator('.demo-row[data-demo-row="cmd-vs-entrypoint"]').click();

    const detail = page.locator('.demo-detail');
    await expect(detail.locator('.demo-detail-title')).toHaveText('CMD vs ENTRYPOINT');
    await expect(detail.locator('.demo-step.is-pending')).toHaveCount(8);
    await detail.getByRole('button', { name: 'Run demo' }).click();
    const run = detail.locator('.demo-run');
    await expect(run).toHaveAttribute('data-status', 'running');
    await berth.shot('04-pane-running');
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 90_000 });
    const runId = (await run.getAttribute('data-run-id')) ?? '';
    const table = detail.locator('.demo-table');
    await expect(table).toContainText('entrypoint says: hello from CMD');
    await expect(table).toContainText('arguments replace CMD');
    await expect(detail.locator('.demo-history li')).toHaveCount(1);
    await table.scrollIntoViewIfNeeded();
    await berth.shot('05-pane-passed-table');
    expect(leftovers(runId)).toEqual([]);

    // The run can be read back from the history (as annotations will) after a reload.
    await page.reload();
    await page.getByRole('tab', { name: 'Demos' }).click();
    await page.locator('.demo-row[data-demo-row="cmd-vs-entrypoint"]').click();
    await page.locator('.demo-history button').first().click();
    await expect(page.locator('.demo-detail .demo-run')).toHaveAttribute('data-run-id', runId);
    await expect(page.locator('.demo-detail .demo-run')).toHaveAttribute('data-status', 'passed');
  });

  test('shows a skipped demo as skipped, with the reason', async ({ berth }) => {
    const { page } = berth;
    await page.getByRole('tab', { name: 'Demos' }).click();
    await page.locator('.demo-row[data-demo-row="compose-up-down"]').click();
    await page.locator('.demo-detail').getByRole('button', { name: 'Run demo' }).click();
    const run = page.locator('.demo-detail .demo-run');
    await expect(run).toHaveAttribute('data-status', /skipped|passed/, { timeout: 60_000 });
    if ((await run.getAttribute('data-status')) === 'skipped') await expect(run.locator('.demo-run-reason')).toContainText('compose');
    await berth.shot('06-pane-skipped');

    // The same screens in dark mode: a note with a finished run, and the pane.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openNote(page, 'Anonymous Volumes');
    const card = page.locator('.demo-card[data-demo="anonymous-volume-dangling"]');
    await card.getByRole('button', { name: 'Run demo' }).click();
    await expect(card.locator('.demo-run')).toHaveAttribute('data-status', 'passed', { timeout: 60_000 });
    await card.locator('.demo-step[data-step="2"]').scrollIntoViewIfNeeded();
    await berth.shot('07-note-card-dark');
  });
});
