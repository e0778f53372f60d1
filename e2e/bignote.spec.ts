import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bigNotes, tableMarkdown } from '../bench/bignote-notes';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';

const body = (page: Page) => page.locator('.note-reader .note-body');
const title = (page: Page) => page.locator('.note-reader .note-title');

/** Big notes pasted the way students paste them (issue 13): a 10,000-row table, 20,000 links, a table over the cell limit. */
function bigVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bignote-'));
  fs.writeFileSync(
    path.join(dir, 'Welcome.md'),
    '# Welcome\n\nSee [[Big table]] and [[Too many cells]], or [[Big table#After the table|straight to the end of the big table]].\n',
  );
  fs.writeFileSync(
    path.join(dir, 'Target.md'),
    '# Target\n\n## Named volumes\nThey stay when the container goes.\n',
  );
  const rows = tableMarkdown(10_000, 10, (r, c) =>
    c === 0 ? `c${r}` : c === 1 ? (r % 3 ? 'up' : 'exited') : `${(r + c) % 10}`,
  );
  fs.writeFileSync(
    path.join(dir, 'Big table.md'),
    `# Containers I listed\n\n**Pasted from docker ps** (teh whole list)\n\n${rows}\n\n## After the table\n\nSee [[Target#Named volumes|the volumes part]], remember this for the exam ^end-of-table\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'Too many cells.md'),
    `# Pasted CSV\n\n${tableMarkdown(1000, 1001, (r, c) => `${(r * c) % 10}`)}\n\nlast line <script>alert(1)</script>\n`,
  );
  const links = bigNotes().find((note) => note.key === 'links_20k');
  if (links) fs.writeFileSync(path.join(dir, links.file), links.markdown);
  return dir;
}

test.describe('big notes', () => {
  test.use({ berthOptions: { vault: bigVault() } });

  test('a 10,000-row table: every heading reachable from the outline, annotations and the link after it work', async ({
    berth,
  }) => {
    // Correctness, not speed: on the shared, loaded machine the 10,000 rows and the highlight take long.
    test.setTimeout(420_000);
    const { page } = berth;
    await expect(title(page)).toBeVisible();
    await openNote(page, 'Big table');
    await expect(body(page).locator('tr')).toHaveCount(10_001, { timeout: 60_000 });
    await berth.shot('bignote-table-top');
    await page.getByRole('tab', { name: 'Outline' }).click();
    const outline = page.getByRole('list', { name: 'Outline' });
    await expect(outline.getByRole('button')).toHaveText([
      'Containers I listed',
      'After the table',
    ]);
    await outline.getByRole('button', { name: 'After the table' }).click();
    const after = body(page).getByRole('heading', { name: 'After the table' });
    await expect(after).toBeInViewport();
    await expect(body(page).locator('#block-end-of-table')).toBeInViewport();
    // An annotation at the end of the table: highlighted with the shortcut, painted in place.
    await page.evaluate((wanted) => {
      const root = document.querySelector('.note-reader .note-body');
      const walker = document.createTreeWalker(root ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
      throw new Error(`text not in the note: ${wanted}`);
    }, 'remember this for the exam');
    // Reading the selection's offsets walks 10,000 rows of text: slow on the loaded machine.
    await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible({
      timeout: 60_000,
    });
    await page.keyboard.press('Control+Shift+H');
    // Not timed: painting a highlight over a 10,000-row table took over 10 s on the loaded machine.
    await expect(body(page).locator('mark.annotation-mark')).toHaveText(
      'remember this for the exam',
      { timeout: 60_000 },
    );
    await berth.shot('bignote-table-end');
    await body(page).getByRole('link', { name: 'the volumes part' }).click();
    await expect(title(page)).toHaveText('Target');
    await expect(body(page).getByRole('heading', { name: 'Named volumes' })).toBeInViewport();
    // Reopened, the note streams in again and the highlight at its end is painted again.
    await openNote(page, 'Big table');
    await expect(body(page).locator('mark.annotation-mark')).toHaveText(
      'remember this for the exam',
      { timeout: 60_000 },
    );
    await expect(body(page).locator('tr')).toHaveCount(10_001);
  });

  test('20,000 links to notes not written yet: every section reachable, the last link says what it does and asks to create its note', async ({
    berth,
  }) => {
    test.setTimeout(300_000);
    const { page } = berth;
    await expect(title(page)).toBeVisible();
    await openNote(page, 'Links note');
    await expect(body(page).getByRole('heading', { name: 'Section 199', exact: true })).toBeAttached({ timeout: 120_000 });
    const missing = body(page).locator('a.is-unresolved');
    await expect(missing).toHaveCount(20_000);
    // The reader gives each link its tooltip on hover or focus; none is written into the note's HTML.
    await expect(body(page).locator('a.is-unresolved[title]')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Outline' }).click();
    await page.getByRole('list', { name: 'Outline' }).getByRole('button', { name: 'Section 199', exact: true }).click();
    await expect(body(page).getByRole('heading', { name: 'Section 199', exact: true })).toBeInViewport();
    const last = missing.last();
    await expect(last).toHaveText('link 99');
    await last.hover();
    await expect(last).toHaveAttribute('title', '“Docker note 19999” does not exist yet. Click to create it.');
    const before = missing.nth(19_998);
    await before.focus();
    await expect(before).toHaveAttribute('title', '“Docker note 19998” does not exist yet. Click to create it.');
    await berth.shot('bignote-links-end');
    await last.click();
    const dialog = page.getByRole('dialog', { name: 'Create this note?' });
    await expect(dialog).toContainText('Docker note 19999.md');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  test('a heading link into a long note reaches a heading that is not on screen yet', async ({
    berth,
  }) => {
    test.setTimeout(360_000);
    const { page } = berth;
    await openNote(page, 'Welcome');
    await body(page).getByRole('link', { name: 'straight to the end of the big table' }).click();
    await expect(title(page)).toHaveText('Big table');
    // The heading is below 10,000 rows the reader streams in: the link waits for it and scrolls there.
    await expect(body(page).getByRole('heading', { name: 'After the table' })).toBeInViewport({
      timeout: 150_000,
    });
    await expect(body(page)).not.toHaveAttribute('aria-busy', 'true');
    await berth.shot('bignote-heading-link-end');
  });

  test('a search hit after a long table opens the note at its match', async ({ berth }) => {
    test.setTimeout(360_000);
    const { page } = berth;
    // A search hit after the table opens the note at its match, below the rows still streaming in.
    await openNote(page, 'Welcome');
    await page.keyboard.press('Control+Shift+F');
    await page.getByLabel('Search notes').fill('"remember this for the exam"');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect(results).toHaveAttribute('aria-busy', 'false');
    await results.locator('.search-hit').first().click();
    await expect(title(page)).toHaveText('Big table');
    const mark = body(page).locator('mark.search-match');
    await expect(mark).toHaveText('remember this for the exam', { timeout: 150_000 });
    await expect(mark).toBeInViewport();
  });

  test('a table over a million cells opens as plain text with a notice, nothing lost', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(title(page)).toBeVisible();
    // Waits for the switcher's first result before Enter (a quick Enter would open the old first hit).
    await openNote(page, 'Too many cells');
    await expect(page.locator('.note-alert').first()).toContainText('more than 1,000,000 cells', {
      timeout: 30_000,
    });
    const plain = body(page).locator('pre.note-plain-text');
    await expect(plain).toContainText('# Pasted CSV');
    await expect(plain).toContainText('last line <script>alert(1)</script>');
    await expect(body(page).locator('script')).toHaveCount(0);
    await berth.shot('bignote-plain-text');
    // The window still answers: the quick switcher opens at once.
    await page.keyboard.press('Control+o');
    await expect(page.getByRole('dialog', { name: 'Quick switcher' })).toBeVisible();
  });
});
