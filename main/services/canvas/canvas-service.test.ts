import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcFailure } from '../../contract/errors';
import { silentLogger } from '../logging/logger';
import { readerUrls } from '../vault/render-note';
import { makeTempVault } from '../vault/test-vault';
import { volatileVaultMemory } from '../vault/vault-memory';
import { VaultService } from '../vault/vault-service';
import { CanvasService } from './canvas-service';

const board = {
  nodes: [
    { id: 'text', type: 'text', x: 0, y: 0, width: 300, height: 200, color: '1', text: '# Map\nA **named volume**, see [[Volumes#Named]].\n- one\n- two\n<script>alert(1)</script>' },
    { id: 'note', type: 'file', file: 'Docker/Volumes.md', x: 400, y: 0, width: 300, height: 200 },
    { id: 'section', type: 'file', file: 'Docker/Volumes.md', subpath: '#Named', x: 400, y: 300, width: 300, height: 200 },
    { id: 'image', type: 'file', file: 'img/whale.png', x: 0, y: 300, width: 200, height: 100 },
    { id: 'pdf', type: 'file', file: 'slides.pdf', x: 0, y: 500, width: 200, height: 100 },
    { id: 'gone', type: 'file', file: 'Nowhere.md', x: 0, y: 700, width: 200, height: 100 },
    { id: 'evil', type: 'file', file: '../../etc/passwd', x: 0, y: 900, width: 200, height: 100 },
    { id: 'link', type: 'link', url: 'javascript:alert(1)', x: 0, y: 1100, width: 200, height: 100 },
    { id: 'group', type: 'group', label: 'Storage', background: 'img/whale.png', x: -20, y: -20, width: 800, height: 600 },
  ],
  edges: [{ id: 'e', fromNode: 'text', toNode: 'note', label: 'more' }],
};

let root: string;
let vault: VaultService;
let canvas: CanvasService;

beforeAll(async () => {
  root = await makeTempVault({
    'Docker/Volumes.md': '---\ntags: [docker]\n---\n# Volumes\nIntro text.\n## Named\nNamed volumes **persist**.\n## Anonymous\nGone with the container.',
    'img/whale.png': Buffer.from([137, 80, 78, 71]),
    'slides.pdf': '%PDF-1.4',
    'map.canvas': JSON.stringify(board),
    'broken.canvas': '{"nodes": [',
    'notes.md': '# not a canvas',
    '.obsidian/hidden.canvas': '{}',
  });
  vault = new VaultService({ bundledVaultDir: root, publish: () => undefined, log: silentLogger, memory: volatileVaultMemory() });
  await vault.open(root);
  canvas = new CanvasService({ vault, urls: readerUrls });
});
afterAll(async () => {
  await vault.stop();
  await fs.rm(root, { recursive: true, force: true });
});

describe('CanvasService', () => {
  it('reads a canvas with every card resolved inside the vault', async () => {
    const view = await canvas.read('map.canvas');
    expect(view.name).toBe('map');
    const byId = Object.fromEntries(view.nodes.map((n) => [n.id, n]));
    expect(view.nodes[0]?.id).toBe('group');
    expect(byId.note).toMatchObject({ target: 'note', path: 'Docker/Volumes.md', name: 'Volumes' });
    expect(byId.image).toMatchObject({ target: 'image', url: '/vault-file/img/whale.png' });
    expect(byId.pdf).toMatchObject({ target: 'other', url: '/vault-file/slides.pdf' });
    expect(byId.gone).toMatchObject({ target: 'missing' });
    expect(byId.evil).toMatchObject({ target: 'refused' });
    expect(byId.evil).not.toHaveProperty('url');
    expect(byId.link).toMatchObject({ safe: false });
    expect(byId.group).toMatchObject({ label: 'Storage', background: '/vault-file/img/whale.png' });
    expect(view.edges).toEqual([expect.objectContaining({ id: 'e', toEnd: 'arrow', label: 'more' })]);
  });

  it('renders text cards with the notes’ pipeline: wikilinks resolve, scripts go', async () => {
    const { cards } = await canvas.renderCards('map.canvas', ['text', 'note', 'section', 'image', 'unknown']);
    expect(cards.map((c) => c.id)).toEqual(['text', 'note', 'section']);
    const text = cards[0]!.html;
    expect(text).toContain('<strong>named volume</strong>');
    expect(text).toMatch(/<a[^>]*data-note-path="Docker\/Volumes.md"/);
    expect(text).not.toContain('<script');
    expect(cards[1]!.html).toContain('Intro text');
    expect(cards[1]!.html).not.toContain('tags:');
    expect(cards[2]!.html).toContain('<strong>persist</strong>');
    expect(cards[2]!.html).not.toContain('Gone with the container');
  });

  it('fails readably for broken, missing, hidden and non-canvas files', async () => {
    await expect(canvas.read('broken.canvas')).rejects.toThrow(/“broken.canvas” cannot be shown as a canvas. Its JSON is broken/);
    await expect(canvas.read('nope.canvas')).rejects.toThrow(/was not found/);
    await expect(canvas.read('notes.md')).rejects.toThrow(/is not a canvas/);
    await expect(canvas.read('.obsidian/hidden.canvas')).rejects.toBeInstanceOf(RpcFailure);
    await expect(canvas.read('../../etc/passwd.canvas')).rejects.toThrow(/climbs out of the vault/);
  });

  it('follows changes of the file', async () => {
    await fs.writeFile(path.join(root, 'map.canvas'), JSON.stringify({ nodes: [board.nodes[0]] }));
    await fs.utimes(path.join(root, 'map.canvas'), new Date(), new Date(Date.now() + 5000));
    expect((await canvas.read('map.canvas')).nodes.map((n) => n.id)).toEqual(['text']);
    await fs.writeFile(path.join(root, 'map.canvas'), JSON.stringify(board));
  });

  it('opens a 2,000-card canvas without holding the main thread long', async () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, type: 'text', x: (i % 50) * 300, y: Math.floor(i / 50) * 200, width: 250, height: 150, text: `Card **${i}** and [[Volumes]]` }));
    await fs.writeFile(path.join(root, 'big.canvas'), JSON.stringify({ nodes, edges: nodes.slice(1).map((n, i) => ({ id: `e${i}`, fromNode: `n${i}`, toNode: n.id })) }));
    const started = performance.now();
    const view = await canvas.read('big.canvas');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(view.nodes).toHaveLength(2000);
    const { cards } = await canvas.renderCards('big.canvas', nodes.slice(0, 100).map((n) => n.id));
    expect(cards).toHaveLength(100);
    expect(cards[99]!.html).toContain('<strong>99</strong>');
  });
});
