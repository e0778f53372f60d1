import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';
import { startWebHostProcess } from './support/web-host-process';

const root = path.resolve(import.meta.dirname, '..');

async function showTimeline(page: Page) {
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.locator('.timeline-view')).toBeVisible();
}

/** Runs the Anonymous Volumes note's dangling-volume demo to its pass; its run section and id. */
async function runDanglingVolumeDemo(page: Page, timeout: number) {
  const card = page.locator('.demo-card[data-demo="anonymous-volume-dangling"]');
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('button', { name: 'Run demo' }).click();
  const run = card.locator('.demo-run');
  await expect(run).toHaveAttribute('data-status', 'passed', { timeout });
  return { run, runId: (await run.getAttribute('data-run-id')) ?? '' };
}

test.describe('lifecycle timeline', () => {
  test('draws a demo run as it happens, explains a segment on hover, and replays after a restart', async ({
    berth,
  }) => {
    test.setTimeout(180_000);
    const { page } = berth;
    await page.setViewportSize({ width: 1600, height: 950 });
    await openNote(page, 'Anonymous Volumes');
    await showTimeline(page);
    const { runId } = await runDanglingVolumeDemo(page, 60_000);

    // Following: the timeline switched to the run that started, with its steps as bands.
    await expect(page.getByLabel('Timeline of')).toHaveValue(runId);
    const states = page.locator('.timeline-states li');
    await expect(states).toHaveCount(6);
    await expect(page.locator('.timeline-states')).toContainText('keeper');
    // Walk the kept anonymous volume's events with the keyboard: it goes dangling before cleanup.
    const keptRow = states.filter({ hasText: 'anonymous' }).first();
    await keptRow.getByRole('button').click();
    const canvas = page.locator('.timeline-canvas-box canvas');
    await canvas.focus();
    for (let i = 0; i < 30 && !(await keptRow.textContent())?.includes('dangling'); i++)
      await page.keyboard.press('ArrowRight');
    await expect(keptRow).toContainText('dangling');
    await berth.shot('01-timeline-dangling');

    // Hover a segment: its state, time, duration and cause.
    const box = (await canvas.boundingBox())!;
    let shown = false;
    for (let x = box.x + 200; x < box.x + box.width - 10 && !shown; x += 25) {
      await page.mouse.move(x, box.y + 40 + 24 + 12);
      shown = await page.locator('.timeline-tooltip').isVisible();
    }
    expect(shown).toBe(true);
    await expect(page.locator('.timeline-tooltip')).toContainText(/ms|s/);
    await berth.shot('02-timeline-hover');

    // Keyboard: rows and events.
    await canvas.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.timeline-states li.is-selected')).toHaveCount(1);

    // A restart of Berth: a new host on the same user data replays the run from its history.
    const host = await startWebHostProcess({
      userDataDir: berth.userDataDir,
      vaultDir: berth.vaultDir,
      root,
    });
    const browser = await chromium.launch({
      executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const again = await browser.newPage({ viewport: { width: 1600, height: 950 } });
      await again.goto(host.openUrl);
      await showTimeline(again);
      await again.getByLabel('Timeline of').selectOption(runId);
      await expect(again.locator('.timeline-states li')).toHaveCount(6);
      await again.getByRole('button', { name: 'Replay' }).click();
      await expect(again.getByRole('button', { name: 'Pause' })).toBeVisible();
      await again.waitForTimeout(1500);
      await again.screenshot({ path: test.info().outputPath('03-replay-after-restart.png') });
      await expect(again.getByRole('button', { name: 'Replay' })).toBeVisible({ timeout: 15_000 });
      await expect(again.locator('.timeline-states li')).toHaveCount(6);
    } finally {
      await browser.close();
      await host.stop();
    }
  });

  test('a step band reveals its step in the run view, and a step shows its band again', async ({
    berth,
  }) => {
    test.setTimeout(180_000);
    const { page } = berth;
    await page.setViewportSize({ width: 1600, height: 950 });
    await openNote(page, 'Anonymous Volumes');
    await showTimeline(page);
    const { run, runId } = await runDanglingVolumeDemo(page, 90_000);
    await expect(page.getByLabel('Timeline of')).toHaveValue(runId);
    const bands = page.getByRole('group', { name: 'Steps of the run' }).getByRole('button');
    const steps = await run.locator('.demo-step').count();
    await expect(bands).toHaveCount(steps);

    // The note scrolled away from the run; a click on the third band brings its step back.
    await page.locator('.note-title').first().scrollIntoViewIfNeeded();
    await page.locator('.timeline-band[data-band="2"]').click();
    const third = run.locator('.demo-step[data-step="2"]');
    await expect(third).toHaveClass(/is-linked/);
    await expect(third).toBeInViewport();
    await expect(third.getByRole('button', { name: 'Show step 3 in the timeline' })).toBeFocused();
    await expect(page.locator('.timeline-band[data-band="2"]')).toHaveAttribute(
      'aria-current',
      'step',
    );
    await berth.shot('05-band-reveals-step');

    // And back, by keyboard, from another tab: step 1 opens the Timeline on its band.
    await page.getByRole('tab', { name: 'Storage' }).click();
    await expect(page.locator('.timeline-view')).toHaveCount(0);
    await run.getByRole('button', { name: 'Show step 1 in the timeline' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Timeline of')).toHaveValue(runId);
    const first = page.locator('.timeline-band[data-band="0"]');
    await expect(first).toHaveAttribute('aria-current', 'step');
    await expect(first).toBeFocused();
    await expect(first).toBeInViewport();
    await berth.shot('06-step-shows-band');

    // Enter on a focused band goes to the run view again.
    await page.keyboard.press('Tab');
    await expect(page.locator('.timeline-band[data-band="1"]')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(run.locator('.demo-step[data-step="1"]')).toHaveClass(/is-linked/);
  });

  test('saves a run’s timeline into the open note as an embedded SVG', async ({ berth }) => {
    const { page } = berth;
    await openNote(page, 'Anonymous Volumes');
    const { runId } = await runDanglingVolumeDemo(page, 60_000);
    await showTimeline(page);
    await page.getByLabel('Timeline of').selectOption(runId);
    await page.getByRole('button', { name: 'Save to note' }).click();
    await expect(
      page.locator('.toast').filter({ hasText: 'Timeline saved into the note' }),
    ).toBeVisible();
    const note = fs.readFileSync(
      path.join(berth.vaultDir, 'Storage', 'Anonymous Volumes.md'),
      'utf8',
    );
    const embed = /!\[\[(berth-timeline-anonymous-volume-dangling-[^\]]+\.svg)\]\]/.exec(note);
    expect(embed).not.toBeNull();
    const files = fs.readdirSync(path.join(berth.vaultDir, 'attachments'));
    expect(files).toContain(embed![1]);
    const svg = fs.readFileSync(path.join(berth.vaultDir, 'attachments', embed![1]!), 'utf8');
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href="http/);
    // The note shows the picture.
    await expect(
      page.locator(`.note-body img[src*="${encodeURIComponent(embed![1]!).slice(0, 30)}"]`).first(),
    ).toBeVisible({ timeout: 15_000 });
    await page.locator('.note-body img[src*="berth-timeline"]').first().scrollIntoViewIfNeeded();
    await berth.shot('04-saved-in-note');
  });
});
