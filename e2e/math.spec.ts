import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

/** A student's vault: one note of complexity, sizes, prices, a typo and a hostile formula. */
function mathVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-math-vault-'));
  fs.writeFileSync(
    path.join(dir, 'Welcome.md'),
    [
      '# Week 3 formulas',
      '',
      'Looking an entry up is $O(n^2)$ in the worst case, and a block is $2^{10}$ bytes.',
      '',
      'The total of $n$ sizes:',
      '',
      '$$',
      '\\sum_{i=1}^{n} x_i',
      '$$',
      '',
      'The registry costs $5 and $10 per month, or \\$50 a year.',
      '',
      'A typo: $\\frac{1}{$ stays readable.',
      '',
      'Hostile: $\\href{javascript:alert(1)}{click}$ and $\\htmlStyle{color:red}{x}$ end here.',
      '',
    ].join('\n'),
  );
  return dir;
}

test.describe('math in notes', () => {
  test.use({ berthOptions: { vault: mathVault() } });

  test('formulas are typeset, prices stay text, a typo shows as an error, hostile TeX does nothing', async ({ berth }) => {
    const { page } = berth;
    const dialogs: string[] = [];
    const violations: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to apply: Content Security Policy ${event.violatedDirective}`));
    });
    await page.reload();
    await expect(page.locator('.note-reader .note-title')).toHaveText('Welcome');
    const body = page.locator('.note-reader .note-body');

    const inline = body.locator('.math-inline:not(.math-error) math').first();
    await expect(inline).toBeVisible();
    const box = await inline.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(10);
    expect(box?.height ?? 0).toBeGreaterThan(8);
    expect(await inline.evaluate((math) => math.namespaceURI)).toBe('http://www.w3.org/1998/Math/MathML');
    await expect(inline.locator('msup')).toHaveCount(1);
    await expect(inline.locator('annotation[encoding="application/x-tex"]')).toHaveText('O(n^2)');

    const display = body.locator('div.math-block math[display="block"]');
    await expect(display).toBeVisible();
    await expect(display.locator('munderover')).toHaveCount(1);
    const displayBox = await display.boundingBox();
    const bodyBox = await body.boundingBox();
    // Centred: about as much room on the left as on the right.
    if (displayBox && bodyBox) expect(Math.abs(displayBox.x - bodyBox.x - (bodyBox.x + bodyBox.width - displayBox.x - displayBox.width))).toBeLessThan(40);

    const prices = body.locator('p', { hasText: 'The registry costs' });
    await expect(prices).toHaveText('The registry costs $5 and $10 per month, or $50 a year.');
    await expect(prices.locator('math')).toHaveCount(0);

    const typo = body.locator('.math-error');
    await expect(typo).toHaveCount(1);
    await expect(typo).toHaveText('$\\frac{1}{$');
    await expect(typo).toHaveAttribute('title', /^TeX error: /);
    const errorColour = await typo.evaluate((element) => getComputedStyle(element).color);
    const textColour = await body.locator('p', { hasText: 'A typo' }).evaluate((element) => getComputedStyle(element).color);
    expect(errorColour).not.toBe(textColour);
    await expect(body.locator('p', { hasText: 'A typo' })).toContainText('stays readable.');

    const hostile = body.locator('p', { hasText: 'Hostile' });
    await expect(hostile).toContainText('end here.');
    await expect(hostile.locator('a, [href], [style]')).toHaveCount(0);
    await hostile.locator('math').first().click();
    await page.waitForTimeout(300);

    const html = await body.innerHTML();
    expect(html).not.toMatch(/<script|<svg|<style|\son[a-z]+=|\sstyle="|javascript:(?![^<]*<\/annotation>)/i);
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await body.locator('.math-block').scrollIntoViewIfNeeded();
    await page.locator('.note-reader .note-title').scrollIntoViewIfNeeded();
    await berth.shot('math-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => inline.evaluate((math) => getComputedStyle(math).color)).not.toBe('rgb(0, 0, 0)');
    await berth.shot('math-dark');
  });

  test('a selection with formulas copies their TeX', async ({ berth }) => {
    const { page } = berth;
    await expect(page.locator('.note-reader .note-title')).toHaveText('Welcome');
    const paragraph = page.locator('.note-reader .note-body p', { hasText: 'Looking an entry up' });
    await expect(paragraph.locator('math')).toHaveCount(2);
    const copied = await paragraph.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      const data = new DataTransfer();
      element.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe('Looking an entry up is $O(n^2)$ in the worst case, and a block is $2^{10}$ bytes.');
  });
});
