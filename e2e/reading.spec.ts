import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const body = (page: Page) => page.locator('.note-reader .note-body');
const title = (page: Page) => page.locator('.note-reader .note-title');

/** A vault written the way students write: bold "headings", typos, pasted tables, mixed languages. */
function studentVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-reading-'));
  fs.mkdirSync(path.join(dir, 'Storage'));
  fs.mkdirSync(path.join(dir, 'img'));
  fs.copyFileSync(
    path.join(process.cwd(), 'notes/attachments/mount-types.svg'),
    path.join(dir, 'img/mount-types.svg'),
  );
  fs.writeFileSync(
    path.join(dir, 'Welcome.md'),
    [
      '**Mes notes Docker** (cours du lundi)',
      '',
      'Start with [[Bind Mounts]] then [[Volume Cleanup]]. Also read [[Overlay Drivers]] someday.',
      '',
      '## Lab checklist',
      '- [ ] install docker',
      '- [ ] run `docker volume prune` on the lab machine',
      '- [x] read the storage chapter',
      '',
      ...Array.from(
        { length: 60 },
        (_, i) =>
          `Paragraph ${i + 1}: containers are processes, pas des VMs, they share the host kernel.`,
      ),
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'Storage/Bind Mounts.md'),
    [
      '---',
      'tags: [docker/storage]',
      '---',
      '# Bind Mounts',
      '',
      '**Wat is a bind mount?** a folder of the host shown inside the container. #docker/storage',
      '',
      '![[mount-types.svg]]',
      '',
      '| Type | Where the data lives | survives `docker rm`? |',
      '|---|---|---|',
      '| **bind** | anywhere on the host | yes |',
      '| volume | /var/lib/docker/volumes | yes (until prune) |',
      '',
      ...Array.from(
        { length: 40 },
        (_, i) => `Filler line ${i + 1} about mounts and paths on the host.`,
      ),
      '',
      'Careful: `docker volume prune` removes every unused volume, ne pas confondre avec bind mounts.',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'Volume Cleanup.md'),
    'Half-wrong claim: prune deletes *all* volumes (it only deletes unused ones).\n\nTo clean up run docker, then volume, then prune in that order.\n',
  );
  return dir;
}

test.describe('reading and finding', () => {
  const vault = studentVault();
  test.use({ berthOptions: { vault } });

  test('note text size follows the setting, and a fast slider loses no key press', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    const before = await body(page).evaluate((el) => getComputedStyle(el).fontSize);
    await page.keyboard.press('Control+,');
    const slider = page.getByRole('slider', { name: 'Note text size' });
    await slider.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue('21');
    await expect(page.locator('output', { hasText: '21px' })).toBeVisible();
    await berth.shot('reading-text-size-settings');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => body(page).evaluate((el) => getComputedStyle(el).fontSize))
      .toBe('21px');
    expect(before).toBe('15px');
    await berth.shot('reading-text-size-21');
  });

  test('zoom 80% fills the window and repeated zoom steps show one toast', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    await page.keyboard.press('Control+-');
    await expect(page.locator('.toast', { hasText: 'Zoom 90%' })).toBeVisible();
    await page.keyboard.press('Control+-');
    await expect(page.locator('.toast', { hasText: 'Zoom 80%' })).toBeVisible();
    await expect(page.locator('.toast', { hasText: 'Zoom' })).toHaveCount(1);
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    // The status bar sits on the bottom edge and the Docker pane on the right edge: no empty band.
    const bottom = await page.evaluate(
      ([x, y]) =>
        document.elementFromPoint(x ?? 0, y ?? 0)?.closest('.status-bar, .app')?.className ?? '',
      [viewport.width / 2, viewport.height - 3],
    );
    expect(bottom).toContain('status-bar');
    const right = await page.evaluate(
      ([x, y]) => Boolean(document.elementFromPoint(x ?? 0, y ?? 0)?.closest('.dock')),
      [viewport.width - 3, viewport.height / 2],
    );
    expect(right).toBe(true);
    await berth.shot('reading-zoom-80');
    await page.keyboard.press('Control+0');
  });

  test('a note starting with its own name shows the title once; diagrams follow the dark theme', async ({
    berth,
  }) => {
    const { page } = berth;
    await page.locator('.file-tree [data-path="Storage"]').click();
    await page.locator('.file-tree [data-path="Storage/Bind Mounts.md"]').click();
    await expect(title(page)).toHaveText('Bind Mounts');
    const visibleTitles = page.locator('.note-page h1:visible', { hasText: /^Bind Mounts$/ });
    await expect(visibleTitles).toHaveCount(1);
    await berth.shot('reading-title-once');
    await page.emulateMedia({ colorScheme: 'dark' });
    const diagram = body(page).locator('img.embed-image').first();
    await diagram.scrollIntoViewIfNeeded();
    await expect
      .poll(() => diagram.evaluate((img) => getComputedStyle(img).filter))
      .toContain('invert');
    await berth.shot('reading-dark-diagram');
  });

  test('ticking a task writes only that box to the file, and Undo puts it back', async ({
    berth,
  }) => {
    const { page, vaultDir } = berth;
    await expect(title(page)).toHaveText('Welcome');
    const file = path.join(vaultDir, 'Welcome.md');
    const original = fs.readFileSync(file, 'utf8');
    const box = body(page).locator('li[data-line="7"] input[type="checkbox"]');
    await expect(box).toBeEnabled();
    await box.click();
    await expect
      .poll(() => fs.readFileSync(file, 'utf8'))
      .toBe(original.replace('- [ ] run `docker volume prune`', '- [x] run `docker volume prune`'));
    await expect(body(page).locator('li[data-line="7"]')).toHaveAttribute('data-task', 'x');
    const toast = page.locator('.toast', { hasText: 'Task done' });
    await expect(toast).toBeVisible();
    await berth.shot('reading-task-ticked');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => fs.readFileSync(file, 'utf8')).toBe(original);
    await expect(body(page).locator('li[data-line="7"] input[type="checkbox"]')).not.toBeChecked();
  });

  test('an unresolved link asks first, says where, and creates nothing on cancel', async ({
    berth,
  }) => {
    const { page, vaultDir } = berth;
    await expect(title(page)).toHaveText('Welcome');
    const link = body(page).locator('a.is-unresolved', { hasText: 'Overlay Drivers' });
    // Its tooltip says what a click does (given by the reader on hover, not written into the HTML).
    await link.hover();
    await expect(link).toHaveAttribute('title', '“Overlay Drivers” does not exist yet. Click to create it.');
    await link.click();
    const dialog = page.getByRole('dialog', { name: 'Create this note?' });
    await expect(dialog).toContainText('Overlay Drivers.md');
    await expect(dialog).toContainText(vaultDir);
    await berth.shot('reading-create-ask');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(fs.existsSync(path.join(vaultDir, 'Overlay Drivers.md'))).toBe(false);
    await link.click();
    await page.keyboard.press('Escape');
    expect(fs.existsSync(path.join(vaultDir, 'Overlay Drivers.md'))).toBe(false);
    await link.click();
    await page
      .getByRole('dialog', { name: 'Create this note?' })
      .getByRole('button', { name: 'Create note' })
      .click();
    await expect(title(page)).toHaveText('Overlay Drivers');
    expect(fs.readFileSync(path.join(vaultDir, 'Overlay Drivers.md'), 'utf8')).toBe(
      '# Overlay Drivers\n\n',
    );
    await expect(page.locator('.toast', { hasText: 'Created “Overlay Drivers”' })).toBeVisible();
    await berth.shot('reading-create-done');
    fs.rmSync(path.join(vaultDir, 'Overlay Drivers.md'));
  });

  test('layouts at 1100×700 (Docker pane as a rail over the note) and 1920×1080', async ({
    berth,
  }) => {
    const { page } = berth;
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.locator('.file-tree [data-path="Storage"]').click();
    await page.locator('.file-tree [data-path="Storage/Bind Mounts.md"]').click();
    await expect(title(page)).toHaveText('Bind Mounts');
    const center = await page.locator('main.center').boundingBox();
    expect(center?.width ?? 0).toBeGreaterThan(650);
    const crumbs = page.locator('.note-breadcrumb');
    expect(
      await crumbs.evaluate((el) => [...el.children].every((c) => c.scrollWidth <= c.clientWidth)),
    ).toBe(true);
    await berth.shot('reading-1100-rail');
    const dock = page.locator('aside.dock');
    await dock.getByRole('tab', { name: 'Storage' }).click();
    await expect(dock.getByRole('tabpanel')).toBeVisible();
    const panel = await dock.getByRole('tabpanel').boundingBox();
    expect(panel?.width ?? 0).toBeGreaterThan(400);
    await berth.shot('reading-1100-dock-open');
    await page.emulateMedia({ colorScheme: 'dark' });
    await berth.shot('reading-1100-dock-open-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(dock.getByRole('tabpanel')).toBeHidden();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect(dock.getByRole('tabpanel')).toBeVisible();
    await berth.shot('reading-1920');
  });

  test('search: a quoted phrase, tag:, text snippets, and a hit opens at the highlighted match', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    await page.keyboard.press('Control+Shift+F');
    const input = page.getByLabel('Search notes');
    await input.fill('"docker volume prune"');
    const results = page.getByRole('list', { name: 'Search results' });
    // Each check waits for the answer to what was typed (the list is busy until then).
    const answered = () => expect(results).toHaveAttribute('aria-busy', 'false');
    await answered();
    await expect(results.locator('.search-hit')).toHaveCount(2);
    await expect(results).not.toContainText('Volume Cleanup');
    await expect(results.locator('mark').first()).toHaveText('docker volume prune');
    await input.fill('tag:#docker/storage');
    await answered();
    await expect(results.locator('.search-hit')).toHaveCount(1);
    await expect(results.locator('.search-hit-title')).toHaveText('Bind Mounts');
    await input.fill('survives bind');
    await answered();
    await expect(results.locator('.search-hit')).toHaveCount(1);
    const snippet = await results.locator('.search-hit-snippet').first().textContent();
    expect(snippet).not.toMatch(/[|*`]/);
    await input.fill('"docker volume prune" tag:docker/storage');
    await answered();
    await expect(results.locator('.search-hit')).toHaveCount(1);
    await berth.shot('reading-search-results');
    await results.locator('.search-hit').first().click();
    await expect(title(page)).toHaveText('Bind Mounts');
    const mark = body(page).locator('mark.search-match');
    await expect(mark).toHaveText('docker volume prune');
    await expect(mark).toBeInViewport();
    await berth.shot('reading-search-opened-at-match');
    const backlinks = page.getByRole('region', { name: 'Backlinks' });
    await expect(backlinks.locator('.backlink-context').first()).not.toContainText('[[');
  });

  test('keyboard only: tree, note, search tabs, dock tabs, vault menu, shortcuts', async ({
    berth,
  }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    // The tree is one Tab stop; arrows move, Right opens a folder, Enter opens a note.
    const tree = page.getByRole('tree', { name: 'Files' });
    await tree.getByRole('treeitem', { name: 'Welcome' }).focus();
    await page.keyboard.press('Home');
    await expect(tree.getByRole('treeitem', { name: 'img' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(tree.getByRole('treeitem', { name: 'Storage' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(tree.getByRole('treeitem', { name: 'Storage' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await page.keyboard.press('ArrowRight');
    await expect(tree.getByRole('treeitem', { name: 'Bind Mounts' })).toBeFocused();
    await berth.shot('reading-keyboard-tree');
    await page.keyboard.press('Enter');
    await expect(title(page)).toHaveText('Bind Mounts');
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    // Back with Alt+←, then Focus Note (Ctrl+2) and PageDown scrolls the note.
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(title(page)).toHaveText('Welcome');
    await page.keyboard.press('Control+2');
    const scroller = page.getByTestId('note-scroll');
    await expect(scroller).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
    // Sidebar view tabs: arrow keys move and select.
    const files = page.getByRole('tab', { name: 'Files' });
    await files.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Search' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByLabel('Search notes')).toBeVisible();
    await page.keyboard.press('Control+Shift+F');
    await page.keyboard.type('pas des VMs');
    await expect(page.locator('.search-hit')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.search-hit').first()).toBeFocused();
    // Dock tabs: arrow keys move and select.
    const dockTabs = page.locator('aside.dock [role="tab"]');
    await dockTabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(dockTabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(dockTabs.nth(1)).toBeFocused();
    await berth.shot('reading-keyboard-dock-tabs');
    // The vault menu closes with Escape and gives focus back.
    const vaultButton = page.locator('.vault-button');
    await vaultButton.click();
    await expect(page.getByRole('menu', { name: 'Vault' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Vault' })).toBeHidden();
    await expect(vaultButton).toBeFocused();
    // Back and Forward are in the shortcuts sheet.
    await page.keyboard.press('Control+/');
    const sheet = page.getByRole('dialog', { name: 'Keyboard Shortcuts' });
    await expect(sheet.getByRole('row', { name: /Back/ })).toContainText('Alt+←');
    await expect(sheet.getByRole('row', { name: /Forward/ })).toContainText('Alt+→');
    await berth.shot('reading-shortcuts');
  });
});
