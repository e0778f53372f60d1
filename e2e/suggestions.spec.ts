import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';

/** A student's storage note: no berth-demo fences, a bold pseudo-heading, typos, German, a pasted table, a wrong claim. */
const STORAGE_NOTE = `# Docker storage

notes from lecture 4 (docker storage) — Mo 12.11., ask Tom about the exam!!

**Bind mount**

A bind mount maps a host folder into the container, i use it for hot reload with \`-v ./src:/app\`. Changes on the host show up inside imediately.

## tmpfs
tmpfs mounts live in RAM only. good for temporary files and secrets, they are gone when the container stops.

## Anonymous Volumes

Anonymous volumes get a random hash as name (the VOLUME instruction in a Dockerfile makes them). Anonymous volumes are deleted automatically once no container uses them. Beim Named volume ist das anders.

| Typ | wo liegt es | überlebt docker rm? |
|-----|----|----|
| named volume | /var/lib/docker/volumes | ja |
| bind mount | host path | ja |
| tmpfs | RAM | nein |

## Sonstiges
- docker volume ls zeigt alle volumes
- files in tmpfs are still there after docker restart, like in a volume
- \`docker system df\` shows disk usage
`;

function studentVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-student-vault-'));
  fs.writeFileSync(path.join(dir, 'Docker storage.md'), STORAGE_NOTE);
  fs.writeFileSync(path.join(dir, 'Einkaufsliste.md'), '# Einkauf\n\n- Milch\n- Brot\n');
  return dir;
}

test.use({
  // A fresh student vault for every test (Add to note writes into it).
  // eslint-disable-next-line no-empty-pattern
  berthOptions: async ({}, use) => {
    const dir = studentVault();
    await use({ vault: dir });
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

/** Everything labelled with this run id that Docker still has (containers, volumes, networks). */
function leftovers(runId: string): string[] {
  const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
  const filter = `label=berth.run=${runId}`;
  return [
    docker('ps', '-aq', '--filter', filter),
    docker('volume', 'ls', '-q', '--filter', filter),
    docker('network', 'ls', '-q', '--filter', filter),
  ].filter(Boolean);
}

const section = (page: Page, heading: string) =>
  page.locator(`.note-body .berth-suggestion[aria-label$="“${heading}”"]`);

test.describe('demo suggestions beside a student note', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a Prove-it card under the heading runs inline, a claim flag opens its correction', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(page.locator('.docker-status')).toHaveAttribute('data-state', 'connected');
    await openNote(page, 'Docker storage');

    const anonymous = section(page, 'Anonymous Volumes');
    const card = anonymous.locator(
      '.demo-card.is-suggested[data-demo="anonymous-volume-dangling"]',
    );
    await expect(card).toBeVisible();
    await expect(card.locator('.demo-card-title')).toHaveText(
      'Anonymous volumes are left dangling by docker rm',
    );
    await expect(card.locator('.suggested-why')).toContainText('anonymous volume');
    await expect(anonymous).toHaveAttribute('aria-label', /Berth suggests/);
    // The bold pseudo-heading gets its card too, and nothing was written into the file.
    await expect(
      section(page, 'Bind mount').locator('.demo-card[data-demo="bind-mount-two-way"]'),
    ).toBeVisible();
    expect(fs.readFileSync(path.join(berth.vaultDir, 'Docker storage.md'), 'utf8')).toBe(
      STORAGE_NOTE,
    );
    await page.locator('.note-body h2', { hasText: 'tmpfs' }).scrollIntoViewIfNeeded();
    await berth.shot('01-suggestions-light');

    await card.getByRole('button', { name: 'Run demo' }).click();
    const run = card.locator('.demo-run');
    await expect(run).toHaveAttribute('data-status', 'passed', { timeout: 90_000 });
    await expect(card.locator('.demo-cleanup')).toContainText('Removed');
    // Nothing the run created is left in Docker.
    const runId = (await run.getAttribute('data-run-id')) ?? '';
    expect(runId).not.toBe('');
    expect(leftovers(runId)).toEqual([]);
    await run.scrollIntoViewIfNeeded();
    await berth.shot('02-suggestion-run-passed');

    // A wrong sentence carries a flag; Enter on it opens the correction; Escape gives focus back.
    const flag = page.locator('.note-body button.berth-flag[data-flag-key$=":tmpfs-is-ephemeral"]');
    await expect(flag).toHaveCount(1);
    await expect(flag).toHaveAccessibleName(/Berth’s demos show otherwise/);
    await flag.scrollIntoViewIfNeeded();
    await flag.focus();
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog', { name: 'Berth’s demos show otherwise' });
    await expect(popover).toBeVisible();
    await expect(popover.locator('.claim-popover-quote')).toContainText(
      'files in tmpfs are still there',
    );
    await expect(popover.locator('.claim-popover-correction')).toContainText('memory only');
    await expect(flag).toHaveAttribute('aria-expanded', 'true');
    await page.waitForTimeout(250); // the popover's fade-in
    await berth.shot('03-claim-popover-light');
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(flag).toBeFocused();

    // "Run the demo" from the popover shows the run right there.
    await flag.click();
    await popover.getByRole('button', { name: 'Run the demo' }).click();
    await expect(popover.locator('.demo-run')).toHaveAttribute('data-status', 'passed', {
      timeout: 90_000,
    });
    // "Passed" is not agreement: the run says, in words, that this note states the opposite.
    await expect(popover.locator('.demo-note-conflict')).toContainText('This note says otherwise');
    await expect(popover.locator('.demo-note-conflict')).toContainText('files in tmpfs are still there');
    await berth.shot('04-claim-popover-run');
    await page.mouse.click(5, 300);
    await expect(popover).toBeHidden();

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('.note-scroll').evaluate((el) => el.scrollTo(0, 0));
    await berth.shot('05-suggestions-dark');
    await flag.click();
    await expect(popover).toBeVisible();
    await page.waitForTimeout(250);
    await berth.shot('06-claim-popover-dark');
  });

  test('the wrong sentence about anonymous volumes is flagged with its correction', async ({
    berth,
  }) => {
    const { page } = berth;
    await openNote(page, 'Docker storage');
    await expect(section(page, 'Anonymous Volumes')).toBeVisible();
    const flag = page.locator(
      '.note-body button.berth-flag[data-flag-key$=":anonymous-volume-dangling"]',
    );
    await expect(flag).toHaveCount(1);
    await flag.click();
    const popover = page.getByRole('dialog', { name: 'Berth’s demos show otherwise' });
    await expect(popover.locator('.claim-popover-quote')).toContainText(
      'Anonymous volumes are deleted automatically once no container uses them',
    );
    await expect(popover.locator('.claim-popover-correction')).toContainText('docker rm');
    await expect(
      popover.locator('.demo-card[data-demo="anonymous-volume-dangling"]'),
    ).toBeVisible();
  });

  test('dismiss with Undo, add to note with Undo, the Demos pane list and the setting', async ({
    berth,
  }) => {
    const { page } = berth;
    const file = path.join(berth.vaultDir, 'Docker storage.md');
    await openNote(page, 'Docker storage');

    // Dismiss: the card goes, a toast offers Undo, Undo brings it back.
    const tmpfs = section(page, 'tmpfs');
    await expect(tmpfs.locator('.demo-card[data-demo="tmpfs-is-ephemeral"]')).toBeVisible();
    await tmpfs.getByRole('button', { name: /Dismiss suggestion/ }).click();
    await expect(tmpfs).toHaveCount(0);
    const hiddenToast = page.locator('.toast', { hasText: 'Suggestion hidden' });
    await expect(hiddenToast).toBeVisible();
    await berth.shot('07-dismissed-toast');
    await hiddenToast.getByRole('button', { name: 'Undo' }).click();
    await expect(
      section(page, 'tmpfs').locator('.demo-card[data-demo="tmpfs-is-ephemeral"]'),
    ).toBeVisible();

    // Add to note: a real berth-demo block lands in the file and the note re-renders with a Run card.
    const anonymous = section(page, 'Anonymous Volumes');
    await anonymous
      .locator('.demo-card[data-demo="anonymous-volume-dangling"]')
      .getByRole('button', { name: 'Add to note' })
      .click();
    const addedToast = page.locator('.toast', { hasText: 'Added to your note' });
    await expect(addedToast).toBeVisible();
    await expect
      .poll(() => fs.readFileSync(file, 'utf8'))
      .toContain('```berth-demo anonymous-volume-dangling');
    const realCard = page.locator(
      '.note-body .berth-demo-card:not([data-suggested]) .demo-card[data-demo="anonymous-volume-dangling"]',
    );
    await expect(realCard).toBeVisible();
    await expect(
      page.locator('.note-body .demo-card.is-suggested[data-demo="anonymous-volume-dangling"]'),
    ).toHaveCount(0);
    await realCard.scrollIntoViewIfNeeded();
    await berth.shot('08-added-to-note');
    await addedToast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => fs.readFileSync(file, 'utf8')).toBe(STORAGE_NOTE);
    await expect(realCard).toHaveCount(0);
    await expect(
      section(page, 'Anonymous Volumes').locator(
        '.demo-card[data-demo="anonymous-volume-dangling"]',
      ),
    ).toBeVisible();

    // The Demos pane lists this note's demos; a row jumps to its heading.
    await page.getByRole('tab', { name: 'Demos' }).click();
    const forNote = page.getByRole('region', { name: 'Demos for this note' });
    await expect(forNote).toContainText('For “Docker storage”');
    const row = forNote.locator('.note-demo-row[data-note-demo="tmpfs-is-ephemeral"]');
    await expect(row).toContainText('under “tmpfs”');
    await page.locator('.note-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await row.click();
    await expect(page.locator('.note-body h2', { hasText: 'tmpfs' })).toBeInViewport();
    await berth.shot('09-demos-pane-for-note');

    // Turning the setting off removes every suggestion and flag; on brings them back.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('tab', { name: /Demos/ }).click();
    const toggle = settings.getByLabel('Suggest demos in notes');
    await expect(toggle).toBeChecked();
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await berth.shot('10-settings-toggle');
    await page.keyboard.press('Escape');
    await expect(page.locator('.note-body div.berth-suggestion')).toHaveCount(0);
    await expect(page.locator('.note-body button.berth-flag')).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await settings.getByRole('tab', { name: /Demos/ }).click();
    await settings.getByLabel('Suggest demos in notes').click();
    await expect(settings.getByLabel('Suggest demos in notes')).toBeChecked();
    await page.keyboard.press('Escape');
    await expect(section(page, 'tmpfs')).toHaveCount(1);
  });

  test('axe: the note with suggestions, flags and the open popover has no serious violation', async ({
    berth,
  }) => {
    const { page } = berth;
    await openNote(page, 'Docker storage');
    await expect(section(page, 'Anonymous Volumes')).toBeVisible();
    await expect(page.locator('.note-body .demo-card.is-suggested').first()).toBeVisible();
    const serious = async () =>
      (
        await new AxeBuilder({ page })
          .include('.center')
          .include('.claim-popover')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze()
      ).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    expect(await serious()).toEqual([]);
    await page.locator('.note-body button.berth-flag').first().click();
    await expect(page.locator('.claim-popover .demo-card')).toBeVisible();
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await serious()).toEqual([]);

    // The Demos pane with this note's list, in both themes.
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Demos' }).click();
    await expect(page.getByRole('region', { name: 'Demos for this note' })).toBeVisible();
    const dock = async () =>
      (
        await new AxeBuilder({ page })
          .include('aside.dock')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze()
      ).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    expect(await dock()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await dock()).toEqual([]);
  });
});
