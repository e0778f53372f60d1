import { expect, type Page } from '@playwright/test';

/** Opens a note by name through the quick switcher (Ctrl+O), as a user would, and waits for its title. */
export async function openNote(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+o');
  const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
  const input = switcher.getByLabel('Note name');
  await input.fill(name);
  // The switcher's own options: the Docker pane's filters are options too (a <select>).
  await expect(switcher.getByRole('option').first()).toContainText(name);
  await input.press('Enter');
  await expect(page.locator('.note-reader .note-title')).toHaveText(name);
  // The body comes from the renderer (a worker thread): wait for it, not only for the title.
  await expect(page.locator('.note-reader .note-body')).toBeVisible({ timeout: 20_000 });
}
