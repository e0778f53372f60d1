import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const title = (page: Page) => page.locator('.note-reader .note-title');
const viewport = (page: Page) => page.getByTestId('canvas-viewport');
const card = (page: Page, id: string) => page.locator(`.canvas-node[data-node-id="${id}"]`);

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A real PNG: a blue whale-ish block on white, `width` x `height`. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) {
      const inside = (x - width / 2) ** 2 / (width / 2.6) ** 2 + (y - height / 2) ** 2 / (height / 3.4) ** 2 < 1;
      rows.push(...(inside ? [36, 99, 235] : [240, 246, 255]));
    }
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const board = {
  nodes: [
    { id: 'intro', type: 'text', x: 0, y: 0, width: 380, height: 250, color: '1', text: '# Volumes\nA **named volume** outlives its container.\n\n- `docker volume create data`\n- `docker run -v data:/data busybox`\n\nRead [[Volumes]] next.' },
    { id: 'bind', type: 'file', file: 'Docker/Bind Mounts.md', x: 480, y: 0, width: 380, height: 250 },
    { id: 'whale', type: 'file', file: 'attachments/whale.png', x: 20, y: 380, width: 260, height: 170 },
    { id: 'docs', type: 'link', url: 'https://docs.docker.com/storage/volumes/', x: 480, y: 380, width: 300, height: 150, color: '5' },
    { id: 'group', type: 'group', label: 'Storage', color: '4', x: -40, y: -60, width: 940, height: 640 },
    { id: 'evil-link', type: 'link', url: 'javascript:alert(document.domain)', x: 1000, y: 0, width: 300, height: 130 },
    { id: 'evil-file', type: 'file', file: '../../etc/passwd', x: 1000, y: 200, width: 300, height: 130, color: '#8b5cf6' },
    { id: 'tmpfs', type: 'text', x: 1000, y: 400, width: 300, height: 120, color: '3', text: 'tmpfs mounts live in **memory** only.' },
  ],
  edges: [
    { id: 'e1', fromNode: 'intro', fromSide: 'right', toNode: 'bind', toSide: 'left', label: 'compare with' },
    { id: 'e2', fromNode: 'intro', fromSide: 'bottom', toNode: 'whale', toSide: 'top', color: '6' },
    { id: 'e3', fromNode: 'bind', toNode: 'docs', label: 'official docs', color: '5' },
    { id: 'e4', fromNode: 'bind', toNode: 'tmpfs', toEnd: 'none' },
  ],
};

/** A student's vault with a mind map of Docker storage, a broken canvas and a big one. */
function studentVault(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-canvas-'));
  fs.mkdirSync(path.join(dir, 'Docker'));
  fs.mkdirSync(path.join(dir, 'attachments'));
  fs.writeFileSync(path.join(dir, 'Welcome.md'), '# Welcome\n\nMy map of storage: [[Storage map.canvas]].\n');
  fs.writeFileSync(path.join(dir, 'Docker', 'Volumes.md'), '# Volumes\n\nNamed volumes **persist** data beyond a container.\n');
  fs.writeFileSync(path.join(dir, 'Docker', 'Bind Mounts.md'), '---\ntags: [storage]\n---\n# Bind Mounts\n\nA bind mount maps a **host folder** into the container.\n\n- fast to edit\n- depends on the host\n');
  fs.writeFileSync(path.join(dir, 'attachments', 'whale.png'), png(120, 80));
  fs.writeFileSync(path.join(dir, 'Storage map.canvas'), JSON.stringify(board, null, '\t'));
  fs.writeFileSync(path.join(dir, 'broken.canvas'), '{"nodes": [ {"id": "a", "type": "text", ');
  const many = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, type: 'text', x: (i % 50) * 320, y: Math.floor(i / 50) * 220, width: 280, height: 180, color: String((i % 6) + 1), text: `Card **${i}** about [[Volumes]]` }));
  const manyEdges = Array.from({ length: 1999 }, (_, i) => ({ id: `e${i}`, fromNode: `n${i}`, toNode: `n${i + 1}` }));
  fs.writeFileSync(path.join(dir, 'big.canvas'), JSON.stringify({ nodes: many, edges: manyEdges }));
  return dir;
}

async function openCanvas(page: Page, file: string, board = true): Promise<void> {
  await expect(title(page)).toHaveText('Welcome');
  await page.locator(`.file-tree [data-path="${file}"]`).click();
  await expect(page.locator('.note-breadcrumb .is-current')).toHaveText(file.replace(/\.canvas$/, ''));
  // Fitted to the pane once it has a size: the zoom read before that is the placeholder's.
  if (board) await expect(page.getByTestId('canvas-viewport')).toHaveAttribute('data-fitted', 'true');
}

test.describe('canvas view', () => {
  test.use({ berthOptions: { vault: studentVault() } });

  test('shows cards, a note, an image, a link, a group and labelled arrows like Obsidian', async ({ berth }) => {
    const { page } = berth;
    await openCanvas(page, 'Storage map.canvas');
    await expect(viewport(page)).toBeVisible();
    await expect(card(page, 'intro').locator('h1')).toHaveText('Volumes');
    await expect(card(page, 'intro').locator('strong')).toHaveText('named volume');
    await expect(card(page, 'intro').locator('li')).toHaveCount(2);
    await expect(card(page, 'bind').locator('.canvas-file-label')).toHaveText('Bind Mounts');
    await expect(card(page, 'bind')).toContainText('maps a host folder');
    const image = card(page, 'whale').locator('img');
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    await expect(card(page, 'docs').locator('a.external-link')).toHaveText('docs.docker.com');
    await expect(page.locator('.canvas-group-label')).toHaveText('Storage');
    await expect(card(page, 'group')).toHaveClass(/canvas-color-4/);
    // Hostile parts: a javascript: link is text only, a path out of the vault is refused.
    await expect(card(page, 'evil-link').locator('a')).toHaveCount(0);
    await expect(card(page, 'evil-link')).toContainText('Berth opens only http and https links');
    await expect(card(page, 'evil-file')).toContainText('climbs out of the vault');
    await expect(card(page, 'evil-file').locator('button', { hasText: 'Open' })).toHaveCount(0);
    // Arrows: curves with heads, labels on them.
    await expect(page.locator('.canvas-edge')).toHaveCount(4);
    await expect(page.locator('.canvas-edge[data-edge-id="e1"] polygon')).toHaveCount(1);
    await expect(page.locator('.canvas-edge[data-edge-id="e4"] polygon')).toHaveCount(0);
    await expect(page.locator('.canvas-edge-label', { hasText: 'compare with' })).toBeVisible();
    await expect(page.locator('.canvas-edge-label', { hasText: 'official docs' })).toBeVisible();
    // The card's border carries its preset colour.
    const border = await card(page, 'intro').evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(border).toBe('rgb(233, 49, 71)');
    await berth.shot('canvas-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => card(page, 'intro').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(251, 70, 76)');
    await berth.shot('canvas-dark');
  });

  test('a wikilink in a card opens the note, and Back returns to the canvas', async ({ berth }) => {
    const { page } = berth;
    await openCanvas(page, 'Storage map.canvas');
    await card(page, 'intro').locator('a.internal-link', { hasText: 'Volumes' }).click();
    await expect(title(page)).toHaveText('Volumes');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(card(page, 'intro')).toBeVisible();
    await card(page, 'bind').locator('.canvas-file-label').click();
    await expect(title(page)).toHaveText('Bind Mounts');
    // A wikilink to the canvas in a note opens it in the reader too, not in the browser.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(card(page, 'intro')).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(title(page)).toHaveText('Welcome');
    await page.locator('.note-body a', { hasText: 'Storage map' }).click();
    await expect(card(page, 'intro')).toBeVisible();
    await expect(page.getByText('Opened in your browser')).toHaveCount(0);
    // And the quick switcher finds it by name, as Obsidian's does.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(title(page)).toHaveText('Welcome');
    await page.keyboard.press('Control+o');
    const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
    await switcher.getByLabel('Note name').fill('storage map');
    await expect(switcher.getByRole('option').first()).toContainText('Storage map');
    await page.keyboard.press('Enter');
    await expect(card(page, 'intro')).toBeVisible();
  });

  test('zooms with the buttons, the keys and Ctrl+wheel, pans with keys and drag, and fits', async ({ berth }) => {
    const { page } = berth;
    await openCanvas(page, 'Storage map.canvas');
    const zoom = async () => Number(await viewport(page).getAttribute('data-zoom'));
    const world = () => page.locator('.canvas-world').evaluate((el) => (el as HTMLElement).style.transform);
    const fitted = await zoom();
    expect(fitted).toBeGreaterThan(0.3);
    expect(fitted).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(zoom).toBeCloseTo(fitted * 1.2, 3);
    await viewport(page).focus();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(zoom).toBeCloseTo(fitted / 1.2, 3);
    const before = await world();
    await page.keyboard.press('ArrowRight');
    await expect.poll(world).not.toBe(before);
    await page.keyboard.press('0');
    await expect.poll(zoom).toBeCloseTo(fitted, 3);
    const box = (await viewport(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(zoom).toBeGreaterThan(fitted * 1.1);
    const dragged = await world();
    await page.mouse.move(box.x + 40, box.y + box.height - 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 140, box.y + box.height - 90, { steps: 5 });
    await page.mouse.up();
    await expect.poll(world).not.toBe(dragged);
    await berth.shot('canvas-zoomed');
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await expect.poll(zoom).toBeCloseTo(fitted, 3);
  });

  test('a broken canvas file says what is wrong', async ({ berth }) => {
    const { page } = berth;
    await openCanvas(page, 'broken.canvas', false);
    const message = page.locator('.canvas-message');
    await expect(message).toContainText('This canvas cannot be shown');
    await expect(message).toContainText('JSON is broken');
    await expect(message).toContainText('line 1');
    await berth.shot('canvas-broken');
  });

  test('a canvas of 2,000 cards opens at once and keeps the DOM small', async ({ berth }) => {
    const { page } = berth;
    await expect(title(page)).toHaveText('Welcome');
    const started = Date.now();
    await page.locator('.file-tree [data-path="big.canvas"]').click();
    await expect(card(page, 'n1999')).toBeAttached();
    expect(Date.now() - started).toBeLessThan(5000);
    // Fitted far out: plain coloured boxes, no markdown asked for.
    await expect(viewport(page)).toHaveClass(/is-far/);
    await berth.shot('canvas-big-fitted');
    await viewport(page).focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('+');
    await expect(viewport(page)).not.toHaveClass(/is-far/);
    await expect.poll(() => page.locator('.canvas-card').count()).toBeLessThan(300);
    await expect(page.locator('.canvas-card strong').first()).toBeVisible();
    await berth.shot('canvas-big-zoomed');
  });
});
