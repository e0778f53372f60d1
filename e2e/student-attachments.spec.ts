import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const title = (page: Page) => page.locator('.note-reader .note-title');

/** A one-page PDF with a line of text, as a lecturer's slides would be (a real, parseable file). */
function onePagePdf(text: string): Buffer {
  const stream = `BT /F1 24 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A student's vault: lecture slides embedded in a week's note, a long note to page through. */
function vaultWithSlides(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-attachments-'));
  fs.mkdirSync(path.join(dir, 'Docker Course', 'week2'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'attachments'));
  fs.writeFileSync(path.join(dir, 'attachments', 'slides week2.pdf'), onePagePdf('Slide 1: Docker networks'));
  fs.writeFileSync(
    path.join(dir, 'Welcome.md'),
    ['**my docker notes**', '', 'week 2 is in [[Networking basics]].', '', ...Array.from({ length: 80 }, (_, i) => `line ${i + 1}: containers share the host kernel, not a VM.`)].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'Docker Course', 'week2', 'Networking basics.md'),
    ['# Networking basics', '', '### Bridge', 'containers on the default bridge CAN\'T resolve each other by name.', '', 'the slides: ![[slides week2.pdf]]', ''].join('\n'),
  );
  return dir;
}

test.describe('a student’s attachments and keys', () => {
  test.use({ berthOptions: { vault: vaultWithSlides() } });

  test('an embedded PDF opens in the browser’s viewer inside the note', async ({ berth }) => {
    const { page } = berth;
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Refused to (display|frame)/i.test(message.text())) refused.push(message.text());
    });
    await expect(title(page)).toHaveText('Welcome');
    await page.keyboard.press('Control+o');
    await page.keyboard.type('networking');
    await page.keyboard.press('Enter');
    await expect(title(page)).toHaveText('Networking basics');
    const frame = page.locator('.note-body iframe.embed-pdf-frame');
    await frame.scrollIntoViewIfNeeded();
    await expect(frame).toHaveAttribute('src', /slides%20week2\.pdf$/);
    // The frame holds the PDF itself: a refused frame shows Chromium's error page instead.
    await expect
      .poll(() => page.frames().map((f) => f.url()).filter((url) => url.endsWith('.pdf') || url.startsWith('chrome-error:')))
      .toEqual([expect.stringMatching(/\/vault-file\/attachments\/slides%20week2\.pdf$/)]);
    await page.waitForTimeout(500);
    expect(refused).toEqual([]);
    await berth.shot('attachments-pdf-embed');
  });

  test('after the quick switcher, PageDown scrolls the note it opened; Escape gives focus back', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    await page.locator('.file-tree [data-path="Docker Course"]').click();
    await page.keyboard.press('Control+o');
    await page.keyboard.type('welcome');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Quick switcher' })).toHaveCount(0);
    const text = page.locator('.note-reader .note-scroll');
    await expect(text).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect.poll(() => text.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    const folder = page.locator('.file-tree [data-path="Docker Course"]');
    await folder.focus();
    await page.keyboard.press('Control+o');
    await expect(page.getByRole('dialog', { name: 'Quick switcher' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(folder).toBeFocused();
  });
});
