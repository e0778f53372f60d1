import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Hovers `link` until its note's hover preview shows, and returns the preview. Suggestion cards
 * arrive after the note's body and can move the link from under the pointer: it hovers again then.
 */
export async function hoverPreviewOf(page: Page, link: Locator): Promise<Locator> {
  const preview = page.locator('.hover-preview');
  await expect(async () => {
    await page.mouse.move(0, 0);
    await link.hover();
    await expect(preview).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  return preview;
}
