import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { hoverPreviewOf } from './support/hover-preview';
import { mermaidVault } from './support/mermaid-vault';

const body = (page: Page) => page.locator('.note-reader .note-body');
const title = (page: Page) => page.locator('.note-reader .note-title');

/** Records CSP violations, dialogs, console errors and alerts from the next page load on. */
async function watch(page: Page) {
  const seen = { dialogs: [] as string[], console: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.console.push(message.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __alerts: string[] };
    w.__csp = [];
    w.__alerts = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__csp.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`));
    window.alert = (message?: unknown) => void w.__alerts.push(String(message));
  });
  await page.reload();
  await expect(title(page)).toHaveText('Welcome');
  return {
    ...seen,
    csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    alerts: () => page.evaluate(() => (window as unknown as { __alerts: string[] }).__alerts),
  };
}

async function open(page: Page, notePath: string) {
  const folder = path.dirname(notePath);
  if (folder !== '.') {
    const row = page.locator(`.file-tree [data-path="${folder}"]`);
    if ((await page.locator(`.file-tree [data-path="${notePath}"]`).count()) === 0) await row.click();
  }
  await page.locator(`.file-tree [data-path="${notePath}"]`).click();
  await expect(title(page)).toHaveText(path.basename(notePath, '.md'));
}

/** Elements in <body> other than the app's own root and what the app shows there. */
const bodyStrays = (page: Page) =>
  page.evaluate(() =>
    [...document.body.children]
      .filter((element) => element.id !== 'root')
      .map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`)
      .filter((name) => /mermaid|svg|^div#d|^iframe/i.test(name)),
  );

/** The drawn image's SVG text (decoded from its data: URL). */
const svgOf = (image: ReturnType<Page['locator']>) =>
  image.evaluate((img: HTMLImageElement) => new TextDecoder().decode(Uint8Array.from(atob(img.src.split(',')[1] ?? ''), (c) => c.charCodeAt(0))));

test.describe('mermaid diagrams', () => {
  test.use({ berthOptions: { vault: mermaidVault() } });

  test('the first note loads no mermaid', async ({ berth }) => {
    const { page } = berth;
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.reload();
    await expect(title(page)).toHaveText('Welcome');
    await page.waitForTimeout(1500);
    expect(scripts.filter((url) => /mermaid|cytoscape|katex|dagre|elk/i.test(url))).toEqual([]);
  });

  test('a hover preview of a note draws its diagram too', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    const link = body(page).locator('a.internal-link', { hasText: 'Compose network' }).first();
    const preview = await hoverPreviewOf(page, link);
    await expect(preview.locator('img.mermaid-image').first()).toHaveAttribute('alt', /^Mermaid flowchart: .*Browser/);
    await expect(preview.locator('pre[data-diagram="mermaid"]').first()).toBeHidden();
    await berth.shot('mermaid-hover-preview');
  });

  test('a student’s diagrams draw as images; a broken, a huge and a hostile one stay harmless', async ({ berth }) => {
    const { page } = berth;
    const seen = await watch(page);
    await open(page, 'Networking/Compose network.md');
    const figures = body(page).locator('figure.mermaid-diagram');
    await expect(figures).toHaveCount(2, { timeout: 30_000 });

    // The compose flowchart: an image with a real size and a text alternative; its code is kept, hidden.
    const flow = figures.first().locator('img.mermaid-image');
    await expect(flow).toHaveAttribute('alt', /^Mermaid flowchart: .*Browser.*nginx reverse proxy.*app:3000.*postgres db/);
    await expect(flow).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
    const size = await flow.evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight, shown: img.getBoundingClientRect().width }));
    expect(size.w).toBeGreaterThan(300);
    expect(size.h).toBeGreaterThan(80);
    expect(size.shown).toBeGreaterThan(300);
    const flowSvg = await svgOf(flow);
    expect(flowSvg.startsWith('<svg')).toBe(true);
    expect(flowSvg).toContain('<style>');
    expect(flowSvg).toContain('appnet</tspan>');
    expect(flowSvg).not.toContain('<foreignObject');
    const flowCode = figures.first().locator('xpath=following-sibling::pre[1]');
    await expect(flowCode).toBeHidden();
    await figures.first().hover();
    await berth.shot('mermaid-compose-flowchart');

    // "Code" shows the mermaid text again, and hides it.
    const toggle = figures.first().getByRole('button', { name: 'Code' });
    await toggle.click();
    await expect(flowCode).toBeVisible();
    await expect(flowCode).toContainText('subgraph appnet');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await berth.shot('mermaid-compose-code-shown');
    await toggle.click();
    await expect(flowCode).toBeHidden();

    // The typo: the code as before, with the line and what is wrong, and no picture.
    const notices = body(page).locator('.mermaid-notice');
    const broken = notices.filter({ hasText: 'has an error' });
    await expect(broken).toHaveText(/^This mermaid diagram has an error on line 3 \(api --> redis\[\(cache\)\): found “\)”/);
    await expect(broken.locator('xpath=following-sibling::pre[1]')).toBeVisible();
    await expect(broken.locator('xpath=following-sibling::pre[1]')).toContainText('api --> redis[(cache)');
    await broken.scrollIntoViewIfNeeded();
    await berth.shot('mermaid-broken');

    // Over the size cap: code and a notice, mermaid never asked.
    await expect(notices.filter({ hasText: 'too large to draw' })).toHaveCount(1);

    // The hostile one: drawn in strict mode as a picture (its labels are text), nothing ran.
    const hostile = figures.nth(1).locator('img.mermaid-image');
    const hostileSvg = await svgOf(hostile);
    expect(hostileSvg).not.toMatch(/<script|onerror=|javascript:|<foreignObject/i);
    await hostile.click();
    await figures.nth(1).scrollIntoViewIfNeeded();
    await berth.shot('mermaid-hostile');
    expect(seen.dialogs).toEqual([]);
    expect(await seen.alerts()).toEqual([]);

    // The page's CSP blocked nothing of mermaid's: no style was refused. The only reports are the
    // hostile label's onerror attribute, refused while mermaid's sanitizer parsed it.
    const csp = await seen.csp();
    expect(csp.filter((report) => !report.startsWith('script-src-attr '))).toEqual([]);
    expect(seen.console.filter((text) => /Content Security Policy/.test(text) && !/inline event handler/.test(text))).toEqual([]);

    // Nothing of mermaid's is left in the page, and what it added to the note holds no SVG, style or
    // style attribute (the demo suggestion cards have icons of their own).
    expect(await bodyStrays(page)).toEqual([]);
    const html = await body(page).evaluate((element) =>
      [...element.querySelectorAll('.mermaid-added, pre[data-diagram]')].map((added) => added.outerHTML).join('\n'),
    );
    expect(html).toContain('<img class="mermaid-image" src="data:image/svg+xml;base64,');
    expect(html.match(/.{80}(<svg|<style|style=").{80}/gi) ?? []).toEqual([]);
  });

  test('sequence and class diagrams: no CSP report at all, and they follow the dark theme', async ({ berth }) => {
    const { page } = berth;
    const seen = await watch(page);
    await open(page, 'docker run.md');
    const images = body(page).locator('figure.mermaid-diagram img.mermaid-image');
    await expect(images).toHaveCount(2, { timeout: 30_000 });
    const alt = (await images.first().getAttribute('alt')) ?? '';
    expect(alt).toMatch(/^Mermaid sequence diagram: /);
    for (const label of ['You', 'docker CLI', 'dockerd', 'containerd', 'POST /containers/create']) expect(alt).toContain(label);
    await expect(images.nth(1)).toHaveAttribute('alt', /^Mermaid class diagram: .*Container/);
    for (const image of await images.all()) expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await berth.shot('mermaid-sequence-light');
    const light = await images.first().getAttribute('src');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => images.first().getAttribute('src'), { timeout: 20_000 }).not.toBe(light);
    await expect(images).toHaveCount(2);
    expect(await svgOf(images.first())).not.toEqual(Buffer.from(light!.split(',')[1]!, 'base64').toString());
    await berth.shot('mermaid-sequence-dark');
    await images.nth(1).scrollIntoViewIfNeeded();
    await berth.shot('mermaid-class-dark');

    expect(await seen.csp()).toEqual([]);
    expect(seen.console.filter((text) => /Content Security Policy|mermaid/i.test(text))).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(await bodyStrays(page)).toEqual([]);
  });

  test('a long note’s diagram in a later chunk draws, and an edit on disk draws it again without leftovers', async ({ berth }) => {
    const { page, vaultDir } = berth;
    await open(page, 'Long lab log.md');
    await expect(body(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
    await expect(body(page)).toContainText('Last line of the lab log.');
    const figure = body(page).locator('figure.mermaid-diagram');
    await expect(figure).toHaveCount(1, { timeout: 30_000 });
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('img')).toHaveJSProperty('complete', true);
    expect(await figure.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(300);
    await berth.shot('mermaid-long-note');

    const file = path.join(vaultDir, 'Long lab log.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Last line of the lab log.', 'Last line, edited.').replace('db[(postgres db)]', 'db[(mariadb)]'));
    await expect(body(page)).toContainText('Last line, edited.', { timeout: 20_000 });
    await expect(body(page).locator('figure.mermaid-diagram img')).toHaveAttribute('alt', /mariadb/, { timeout: 20_000 });
    await expect(body(page).locator('figure.mermaid-diagram')).toHaveCount(1);
    await expect(body(page).locator('pre[data-diagram="mermaid"]')).toHaveCount(1);
    expect(await bodyStrays(page)).toEqual([]);
  });
});
