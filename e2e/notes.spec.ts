import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hoverPreviewOf } from './support/hover-preview';
import { openNote } from './support/open-note';

const body = (page: Page) => page.locator('.note-reader .note-body');
const title = (page: Page) => page.locator('.note-reader .note-title');

test.describe('notes reader', () => {
  test('opens the bundled vault and follows a wikilink to a heading', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    await expect(page.locator('.file-tree')).toContainText('Storage');
    const link = body(page).locator('a.internal-link[data-href="Images and Layers#Copy-on-write"]').first();
    await link.click();
    await expect(title(page)).toHaveText('Images and Layers');
    const heading = body(page).locator('h1, h2, h3, h4, h5, h6').and(body(page).locator('[data-heading="Copy-on-write"]'));
    await expect(heading).toBeInViewport();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(title(page)).toHaveText('Welcome');
    await berth.shot('reader-welcome');
  });

  test('shows backlinks, a table, a callout and an embed', async ({ berth }) => {
    const { page } = berth;
    await openNote(page, 'Named Volumes');
    await expect(body(page).locator('.callout[data-callout="warning"]')).toBeVisible();
    await expect(body(page).locator('img.embed-image')).toBeVisible();
    const naturalWidth = await body(page).locator('img.embed-image').first().evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(naturalWidth).toBeGreaterThan(0);
    const backlinks = page.getByRole('region', { name: 'Backlinks' });
    await expect(backlinks.locator('.backlink-title', { hasText: 'Non-Root Users' })).toBeVisible();
    await body(page).locator('img.embed-image').first().scrollIntoViewIfNeeded();
    await berth.shot('reader-embed');
    await body(page).locator('.callout').first().scrollIntoViewIfNeeded();
    await berth.shot('reader-callout');
    await openNote(page, 'Docker Compose');
    await body(page).locator('table').first().scrollIntoViewIfNeeded();
    await expect(body(page).locator('table').first()).toBeVisible();
    await berth.shot('reader-table');
    await page.emulateMedia({ colorScheme: 'dark' });
    await openNote(page, 'Named Volumes');
    await body(page).locator('.callout').first().scrollIntoViewIfNeeded();
    await berth.shot('reader-dark');
  });

  test('searches the vault with highlighted snippets and opens a hit', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    await page.keyboard.press('Control+Shift+F');
    const search = page.getByLabel('Search notes');
    await expect(search).toBeFocused();
    await search.fill('copy-on-write');
    const hits = page.getByRole('list', { name: 'Search results' }).locator('.search-hit');
    await expect(hits.first()).toBeVisible();
    await expect(hits.first().locator('mark').first()).toBeVisible();
    await berth.shot('search');
    await hits.first().click();
    await expect(title(page)).not.toHaveText('Welcome');
  });

  test('quick switcher matches names and aliases fuzzily', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    await page.keyboard.press('Control+o');
    const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
    await dialog.getByLabel('Note name').fill('bndmnt');
    await expect(dialog.getByRole('option').first()).toContainText('Bind Mounts');
    await berth.shot('quick-switcher');
    await dialog.getByLabel('Note name').press('Enter');
    await expect(title(page)).toHaveText('Bind Mounts');
  });

  test('hover preview shows the linked note', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    const link = body(page).locator('a.internal-link[data-note-path="Storage/Named Volumes.md"]').first();
    const preview = await hoverPreviewOf(page, link);
    await expect(preview.locator('.hover-preview-title')).toHaveText('Named Volumes');
    await expect(preview.locator('.hover-preview-body h1, .hover-preview-body h2').first()).toBeVisible();
    await berth.shot('hover-preview');
  });

  test('a note edited on disk updates in place, keeping the scroll position', async ({ berth }) => {
    const { page, vaultDir } = berth;
    await openNote(page, 'Named Volumes');
    const scroller = page.getByTestId('note-scroll');
    // Scroll once the body is there (before, the scroll position is clamped to the loading placeholder).
    await expect(body(page).locator('h2').first()).toBeVisible();
    await scroller.evaluate((el) => (el.scrollTop = 400));
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(400);
    const file = path.join(vaultDir, 'Storage', 'Named Volumes.md');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace(/\n## /, '\nA line written by the e2e test, outside Berth.\n\n## '));
    await expect(body(page)).toContainText('A line written by the e2e test, outside Berth.');
    const top = await scroller.evaluate((el) => el.scrollTop);
    expect(Math.abs(top - 400)).toBeLessThan(40);
    fs.writeFileSync(path.join(vaultDir, 'Fresh From Disk.md'), '# Fresh\nLinks to [[Named Volumes]].');
    await expect(page.locator('.file-tree')).toContainText('Fresh From Disk');
    await expect(page.getByRole('region', { name: 'Backlinks' })).toContainText('Fresh From Disk');
  });

  test('tags pane lists notes of a tag', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    await page.getByRole('tab', { name: 'Tags' }).click();
    const tags = page.getByRole('list', { name: 'Tags' });
    await expect(tags.locator('.tag-row').first()).toBeVisible();
    await tags.locator('.tag-row', { hasText: '#docker' }).first().click();
    await expect(page.locator('.tag-note-list li').first()).toBeVisible();
    await berth.shot('tags');
  });

  test('opens another vault from the path prompt and reports a bad path', async ({ berth }) => {
    const { page } = berth;
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-second-vault-'));
    fs.writeFileSync(path.join(other, 'Second Home.md'), '# Second Home\nThis is [[Another]].');
    fs.writeFileSync(path.join(other, 'Another.md'), '# Another');
    await expect(title(page)).toHaveText('Welcome');
    await page.getByRole('button', { name: /notes|vault/i }).first().click();
    await page.getByRole('menuitem', { name: 'Open vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open vault' });
    await dialog.getByLabel('Folder path').fill(path.join(other, 'missing'));
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(dialog.getByRole('alert')).toContainText('There is no folder');
    await berth.shot('open-vault-error');
    await dialog.getByLabel('Folder path').fill(other);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(title(page)).toHaveText('Another');
    await expect(page.locator('.file-tree')).toContainText('Second Home');
    fs.rmSync(other, { recursive: true, force: true });
  });
});

test.describe('a vault given with --vault', () => {
  const second = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-vault-'));
  fs.writeFileSync(path.join(second, 'Only Note.md'), '# Only\n> [!tip] From the command line\n> It works.');
  test.use({ berthOptions: { vault: second } });
  test('opens the vault passed on the command line', async ({ berth }) => {
    await expect(title(berth.page)).toHaveText('Only Note');
    await expect(body(berth.page).locator('.callout[data-callout="tip"]')).toContainText('From the command line');
  });
});

test.describe('bad input', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bad-vault-'));
  fs.writeFileSync(path.join(dir, 'Welcome.md'), '# Bad input\n[[Huge]] [[Binary]] [[Latin]] [[Deep]] [[Fence]] [[Broken]] [[Cycle A]]');
  fs.writeFileSync(path.join(dir, 'Huge.md'), `# Huge\n${'A line of a very long note with [[Welcome]] and #tag.\n'.repeat(200_000)}`);
  fs.writeFileSync(path.join(dir, 'Binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  fs.writeFileSync(path.join(dir, 'Latin.md'), Buffer.from('# Caf\xe9 cr\xe8me\n', 'latin1'));
  fs.writeFileSync(path.join(dir, 'Deep.md'), `# Deep\n${'- '.repeat(10_000)}bottom\n\n${'>'.repeat(10_000)} quote\n\nAfter the deep part.`);
  fs.writeFileSync(path.join(dir, 'Fence.md'), '# Fence\n```js\nconst never = "closed";\n');
  fs.writeFileSync(path.join(dir, 'Broken.md'), '---\ntags: [a\nthis: : is not yaml\n---\n# Broken\nThe body still shows.');
  fs.writeFileSync(path.join(dir, 'Cycle A.md'), '# Cycle A\n![[Cycle B]]');
  fs.writeFileSync(path.join(dir, 'Cycle B.md'), '# Cycle B\n![[Cycle A]]');
  test.use({ berthOptions: { vault: dir } });

  test('each bad file renders or explains itself, and the UI stays responsive', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    const cases: [string, RegExp | string][] = [
      ['Huge', /million characters long.*shown as plain text/],
      ['Binary', /binary data/],
      ['Latin', /not valid UTF-8/],
      ['Deep', /more than \d+ levels deep/],
      ['Broken', /not valid YAML/],
    ];
    for (const [name, message] of cases) {
      await body(page).locator(`a.internal-link[data-href="${name}"]`).click();
      await expect(title(page)).toHaveText(name);
      await expect(page.locator('.note-alert').first()).toContainText(message, { timeout: 20_000 });
      // The window still answers at once: the quick switcher opens and closes.
      const started = Date.now();
      await page.keyboard.press('Control+o');
      await expect(page.getByRole('dialog', { name: 'Quick switcher' })).toBeVisible();
      await page.keyboard.press('Escape');
      expect(Date.now() - started).toBeLessThan(5000);
      await page.getByRole('button', { name: 'Back' }).click();
      await expect(title(page)).toHaveText('Welcome');
    }
    await body(page).locator('a.internal-link[data-href="Fence"]').click();
    await expect(body(page).locator('pre code')).toContainText('never');
    await page.getByRole('button', { name: 'Back' }).click();
    await body(page).locator('a.internal-link[data-href="Cycle A"]').click();
    await expect(body(page).locator('.embed-note.is-cycle')).toBeVisible();
    await berth.shot('bad-input-cycle');
  });
});
