import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AnnotationsService } from '../main/services/annotations/annotations-service';
import { confShardFactory } from '../main/services/annotations/conf-shard-factory';
import { silentLogger } from '../main/services/logging/logger';
import { expect, test } from './fixtures';
import { openNote } from './support/open-note';

const NOTE = 'Storage/Named Volumes.md';
const body = (page: Page) => page.locator('.note-reader .note-body');
const marks = (page: Page) => body(page).locator('mark.annotation-mark');
const panel = (page: Page) => page.getByLabel('Annotations', { exact: true });
const cards = (page: Page) => panel(page).locator('.annotation-card');

/** Selects `text` in the rendered note with a real DOM selection, as a mouse drag would. */
async function selectText(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector('.note-reader .note-body');
    if (!root) throw new Error('no note body');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`text not in the note: ${wanted}`);
  }, text);
}

function editNote(vaultDir: string, change: (text: string) => string) {
  const file = path.join(vaultDir, NOTE);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

test.describe('annotations', () => {
  test('highlight and comment, survive a reload and an edit on disk, export and import', async ({ berth }) => {
    const { page, vaultDir } = berth;
    await openNote(page, 'Named Volumes');
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await expect(panel(page).getByText('No annotations on this note yet')).toBeVisible();

    // Highlight from the selection toolbar.
    await selectText(page, 'It lives outside any container');
    const toolbar = page.getByRole('toolbar', { name: 'Annotate selection' });
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole('button', { name: 'Highlight green' }).click();
    await expect(marks(page).filter({ hasText: 'It lives outside any container' })).toHaveClass(/annotation-green/);
    await expect(toolbar).toBeHidden();

    // Comment with the keyboard shortcut.
    await selectText(page, 'For anything stateful (databases, uploads, queues)');
    await expect(toolbar).toBeVisible();
    await page.keyboard.press('Control+Shift+M');
    const popover = page.getByRole('dialog', { name: 'New comment' });
    await popover.getByRole('textbox', { name: 'Comment' }).fill('**Databases** belong in a named volume, never in the `container` layer.');
    await popover.getByLabel('Tags').fill('#exam storage');
    await berth.shot('annotations-comment-popover');
    await popover.getByRole('textbox', { name: 'Comment' }).press('Control+Enter');
    await expect(popover).toBeHidden();
    await expect(marks(page).filter({ hasText: 'For anything stateful' })).toHaveClass(/has-comment/);

    // A third one, in a paragraph that will be deleted on disk.
    await selectText(page, 'Now the important part');
    await page.keyboard.press('Control+Shift+H');
    await expect(marks(page)).toHaveCount(3);

    await expect(cards(page)).toHaveCount(3);
    const commented = cards(page).filter({ hasText: 'For anything stateful' });
    await expect(commented.locator('.annotation-comment strong')).toHaveText('Databases');
    await expect(commented.locator('.tag')).toHaveText(['#exam', '#storage']);
    await berth.shot('annotations-note-and-panel');

    // Reload: everything is still there.
    await page.reload();
    await expect(page.locator('.note-reader .note-title')).toHaveText('Named Volumes');
    await expect(marks(page)).toHaveCount(3);
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await expect(cards(page)).toHaveCount(3);

    // Edit the note on disk: insert a paragraph before, reword around, delete one paragraph.
    editNote(vaultDir, (text) =>
      text
        .replace('# Named volumes\n', '# Named volumes\n\nAdded later: volumes are the way to persist data in Docker.\n')
        .replace('Now the important part: remove the container and start a new one with the same volume.\n', ''),
    );
    await expect(body(page)).toContainText('Added later: volumes are the way');
    await expect(marks(page).filter({ hasText: 'It lives outside any container' })).toHaveCount(1);
    await expect(marks(page).filter({ hasText: 'For anything stateful (databases, uploads, queues)' })).toHaveCount(1);
    const orphan = cards(page).filter({ hasText: 'Now the important part' });
    await expect(orphan.locator('.badge', { hasText: 'orphaned' })).toBeVisible();
    await page.getByLabel(/^Orphaned/).check();
    await expect(cards(page)).toHaveCount(1);
    await berth.shot('annotations-orphaned');
    await page.getByLabel(/^Orphaned/).uncheck();

    // Export as markdown and look at it.
    const downloadPromise = page.waitForEvent('download');
    await panel(page).getByRole('button', { name: 'Export' }).click();
    const download = await downloadPromise;
    const exported = path.join(berth.userDataDir, download.suggestedFilename());
    await download.saveAs(exported);
    const markdown = fs.readFileSync(exported, 'utf8');
    await test.info().attach('annotations-export.md', { body: markdown, contentType: 'text/markdown' });
    expect(download.suggestedFilename()).toBe('Annotations - Named Volumes.md');
    expect(markdown).toContain('> [!quote] Named volumes · green');
    expect(markdown).toContain('> > It lives outside any container');
    expect(markdown).toContain('> **Databases** belong in a named volume');
    expect(markdown).toContain('[[Storage/Named Volumes#Named volumes]] · #exam #storage');
    expect(markdown).toContain('> [!quote] Creating and using · green · orphaned');

    // Delete with undo.
    await orphan.hover();
    await orphan.getByRole('button', { name: 'Delete' }).click();
    await expect(cards(page)).toHaveCount(2);
    await panel(page).getByRole('button', { name: 'Undo' }).click();
    await expect(cards(page)).toHaveCount(3);

    // Delete everything, then import the export: all three come back.
    for (let i = 0; i < 3; i++) {
      await cards(page).first().hover();
      await cards(page).first().getByRole('button', { name: 'Delete' }).click();
    }
    await expect(cards(page)).toHaveCount(0);
    await expect(marks(page)).toHaveCount(0);
    await panel(page).getByLabel('Import annotations file').setInputFiles(exported);
    await expect(panel(page).getByText('3 added')).toBeVisible();
    await expect(cards(page)).toHaveCount(3);
    await expect(marks(page)).toHaveCount(2);
  });

  test('bad import input gets a readable message and loses nothing', async ({ berth }) => {
    const { page } = berth;
    await openNote(page, 'Named Volumes');
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await selectText(page, 'It lives outside any container');
    await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Highlight blue' }).click();
    await expect(cards(page)).toHaveCount(1);
    const junk = path.join(berth.userDataDir, 'junk.md');
    fs.writeFileSync(junk, '# Not an export\n\n> [!quote] Lost\n> > a quote with no link\n');
    await panel(page).getByLabel('Import annotations file').setInputFiles(junk);
    await expect(panel(page).getByText(/Line 3: skipped a callout because it has no \[\[Note#Heading\]\] link/)).toBeVisible();
    await expect(cards(page)).toHaveCount(1);
    await panel(page).getByRole('tab', { name: 'Vault' }).click();
    await expect(cards(page)).toHaveCount(1);
    await expect(cards(page).first().locator('.annotation-note')).toHaveText('Named Volumes');
    await berth.shot('annotations-vault-scope');
    await panel(page).getByRole('tab', { name: 'This note' }).click();

    // Edit: colour, comment and tags from the card.
    const card = cards(page).first();
    await card.hover();
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByRole('radio', { name: 'Pink' }).click();
    await card.getByRole('textbox', { name: 'Comment' }).fill('Checked with `docker volume ls`.');
    await card.getByRole('textbox', { name: 'Tags' }).fill('#verified');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.locator('.annotation-comment code')).toHaveText('docker volume ls');
    await expect(card.locator('.tag')).toHaveText(['#verified']);
    await expect(marks(page).first()).toHaveClass(/annotation-pink/);
    await expect(marks(page).first()).toHaveClass(/has-comment/);

    await page.emulateMedia({ colorScheme: 'dark' });
    await selectText(page, 'For anything stateful');
    await expect(page.getByRole('toolbar', { name: 'Annotate selection' })).toBeVisible();
    await berth.shot('annotations-dark-toolbar');
  });
});

test.describe('annotation evidence', () => {
  test('attaches a real demo run to an annotation and opens it', async ({ berth }) => {
    test.setTimeout(180_000);
    const { page } = berth;
    await openNote(page, 'Named Volumes');
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await selectText(page, 'It lives outside any container');
    await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: 'Highlight yellow' }).click();
    await expect(cards(page)).toHaveCount(1);

    // Run the note's own demo against the real dockerd.
    const demo = body(page).locator('.berth-demo-card[data-demo-id="named-volume-persists"]');
    await demo.getByRole('button', { name: /Run demo/ }).click();

    const card = cards(page).first();
    await card.hover();
    await card.getByRole('button', { name: 'Attach demo run' }).click();
    const menu = card.getByRole('menu', { name: 'Attach a demo run' });
    const passed = menu.getByRole('menuitem').filter({ has: page.locator('.badge', { hasText: 'passed' }) }).first();
    await expect(passed).toBeVisible({ timeout: 150_000 });
    await passed.click();
    const evidence = card.locator('.annotation-evidence');
    await expect(evidence).toContainText('passed');
    await expect(evidence.locator('code').first()).toContainText('$ docker');
    // The highlight did not move while the demo card filled with output.
    await expect(marks(page).filter({ hasText: 'It lives outside any container' })).toHaveCount(1);
    await berth.shot('annotations-evidence-card');

    await evidence.click();
    const dialog = page.getByRole('dialog', { name: 'Demo run' });
    await expect(dialog.locator('.run-step').first()).toBeVisible();
    await expect(dialog).toContainText('passed');
    await berth.shot('annotations-evidence-run');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    const downloadPromise = page.waitForEvent('download');
    await panel(page).getByRole('button', { name: 'Export' }).click();
    const file = await (await downloadPromise).path();
    expect(fs.readFileSync(file, 'utf8')).toMatch(/> \*\*Demo run\*\* `[a-z0-9]+` · .* · passed/);
  });
});

test.describe('a damaged annotations store', () => {
  test('loads what it can, keeps a dated backup and says where it is', async ({ berth }) => {
    const { page } = berth;
    const vault = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-annotated-vault-'));
    const text = 'Ports\nPublishing a port maps a host port to a container port.\nOnly published ports are reachable from outside.\n';
    fs.writeFileSync(path.join(vault, 'Ports.md'), '# Ports\nPublishing a port maps a host port to a container port.\n\nOnly published ports are reachable from outside.\n');
    // A store written by Berth, then hand-edited into something half valid.
    const service = new AnnotationsService({ baseDir: path.join(berth.userDataDir, 'annotations'), vaultPath: vault, openStore: confShardFactory, log: silentLogger });
    const rendered = { text, headings: [{ offset: 0, text: 'Ports', level: 1 }] };
    const start = text.indexOf('Only published ports');
    service.create({ notePath: 'Ports.md', rendered, start, end: start + 'Only published ports'.length, color: 'purple', comment: 'kept', tags: [], evidence: null });
    const shard = fs.readdirSync(service.storeDir).find((f) => f.startsWith('note-')) ?? '';
    const file = path.join(service.storeDir, shard);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.annotations.push({ id: 'hand-edited', color: 'sparkly' });
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));

    await page.getByRole('button', { name: /notes|vault/i }).first().click();
    await page.getByRole('menuitem', { name: 'Open vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open vault' });
    await dialog.getByLabel('Folder path').fill(vault);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(page.locator('.note-reader .note-title')).toHaveText('Ports');
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await expect(marks(page).filter({ hasText: 'Only published ports' })).toHaveClass(/annotation-purple/);
    await expect(cards(page)).toHaveCount(1);
    const alert = panel(page).getByRole('alert').filter({ hasText: 'Some annotations could not be read' });
    await expect(alert).toContainText('1 annotation of Ports.md failed validation');
    await expect(alert).toContainText('.corrupt-');
    const backup = /kept as (\S+\.json)/.exec((await alert.textContent()) ?? '')?.[1] ?? '';
    expect(fs.readFileSync(backup, 'utf8')).toContain('sparkly');
    await berth.shot('annotations-damaged-store');
    fs.rmSync(vault, { recursive: true, force: true });
  });
});
