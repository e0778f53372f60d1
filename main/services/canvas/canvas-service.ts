import fsp from 'node:fs/promises';
import path from 'node:path';
import type { CanvasCardHtml, CanvasNodeView, CanvasView } from '../../contract/canvas';
import { RpcFailure } from '../../contract/errors';
import { escapeHtml } from '../vault/markdown/html-escape';
import { noteLookup, readNoteSource } from '../vault/note-reading';
import { extractSection } from '../vault/note-section';
import { scanNote } from '../vault/note-scan';
import { parseWikilink } from '../vault/parse-wikilink';
import type { RenderPool } from '../vault/render-pool';
import type { RenderUrls } from '../vault/render-note';
import { resolveVaultFile } from '../vault/resolve-vault-file';
import type { VaultIndex } from '../vault/vault-index';
import { extensionOf, noteNameOf } from '../vault/vault-paths';
import { canvasView, type CanvasVaultFiles } from './canvas-view';
import { CanvasFormatError, parseCanvas, type ParsedCanvas } from './parse-canvas';

/**
 * Canvas files larger than this are refused (Obsidian's biggest boards are a few MB). The file is
 * parsed and checked on the host's main thread: a 9 MB board of 36,000 cards takes ~40 ms there,
 * a 17 MB one ~65 ms (over the 50 ms a task may block it).
 */
export const CANVAS_FILE_LIMIT = 8 * 1024 * 1024;
/** How much of a note a file card shows, at most (characters of markdown, cut at a line). */
const NOTE_START = 2500;
/** Cards rendered at once (on the note renderer's worker). */
const CONCURRENT_RENDERS = 6;

/** What the canvas service needs of the vault service. */
export interface CanvasVault {
  requireIndex(): VaultIndex;
  readonly renderPool: Pick<RenderPool, 'render'>;
}

interface Loaded {
  key: string;
  parsed: ParsedCanvas;
  mtimeMs: number;
}

function vaultFiles(index: VaultIndex, urls: RenderUrls): CanvasVaultFiles {
  return {
    hasNote: (p) => index.notes.has(p),
    hasAttachment: (p) => index.attachments.has(p),
    resolve: (target, from) => index.resolver.resolve(target, from),
    attachmentUrl: (p) => urls.attachmentUrl(p),
  };
}

function cutAtLine(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const paragraph = text.lastIndexOf('\n\n', limit);
  const line = text.lastIndexOf('\n', limit);
  const cut = paragraph > limit / 2 ? paragraph : line > limit / 2 ? line : limit;
  return `${text.slice(0, cut)}\n\n…`;
}

async function eachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Obsidian canvases (`.canvas`, JSON Canvas 1.0) of the open vault, read-only: `read` checks and
 * resolves a canvas for the reader; `renderCards` renders the markdown of the cards the reader
 * shows with the notes' own pipeline (the render worker), so wikilinks, embeds and the sanitiser
 * are the notes' own. The last few canvases read are kept while their file is unchanged.
 */
export class CanvasService {
  private readonly cache = new Map<string, Loaded>();

  constructor(private readonly options: { vault: CanvasVault; urls: RenderUrls }) {}

  /** The canvas at a vault path, for the reader. */
  async read(canvasPath: string): Promise<CanvasView> {
    const loaded = await this.load(canvasPath);
    return this.view(canvasPath, loaded);
  }

  /** Rendered HTML of the given cards (unknown ids and cards without markdown are left out). */
  async renderCards(canvasPath: string, ids: string[]): Promise<{ cards: CanvasCardHtml[] }> {
    const loaded = await this.load(canvasPath);
    const index = this.options.vault.requireIndex();
    const byId = new Map<string, { view: CanvasNodeView; text?: string }>();
    this.view(canvasPath, loaded).nodes.forEach((view, i) => {
      const node = loaded.parsed.nodes[i];
      byId.set(view.id, { view, ...(node?.type === 'text' ? { text: node.text } : {}) });
    });
    const wanted = [...new Set(ids)].filter((id) => {
      const found = byId.get(id);
      return found && (found.view.type === 'text' || (found.view.type === 'file' && found.view.target === 'note'));
    });
    const html = new Map<string, string>();
    await eachLimited(wanted, CONCURRENT_RENDERS, async (id) => {
      const { view, text } = byId.get(id)!;
      try {
        if (view.type === 'text') html.set(id, await this.render(index, canvasPath, text ?? ''));
        else if (view.type === 'file' && view.path) html.set(id, await this.renderNoteStart(index, view.path, view.subpath));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        html.set(id, `<p class="canvas-card-error">${escapeHtml(message)}</p>`);
      }
    });
    return { cards: wanted.map((id) => ({ id, html: html.get(id) ?? '' })) };
  }

  /** Built at every read from the cached parse: which files the cards name can change without the canvas changing. */
  private view(canvasPath: string, loaded: Loaded): CanvasView {
    return canvasView(canvasPath, loaded.parsed, vaultFiles(this.options.vault.requireIndex(), this.options.urls), loaded.mtimeMs);
  }

  private render(index: VaultIndex, sourcePath: string, markdown: string): Promise<string> {
    return this.options.vault.renderPool.render(sourcePath, markdown, noteLookup(index), this.options.urls).then((r) => r.html);
  }

  private async renderNoteStart(index: VaultIndex, notePath: string, subpath: string | undefined): Promise<string> {
    const source = await readNoteSource(index.root, notePath, 512 * 1024);
    if (source.binary) return `<p class="canvas-card-error">${escapeHtml(source.problem ?? 'This note could not be read.')}</p>`;
    const parts = parseWikilink(`${noteNameOf(notePath)}${subpath && subpath.startsWith('#') ? subpath : ''}`);
    const headings = (index.scanOf(notePath) ?? scanNote(source.text, noteNameOf(notePath))).headings;
    const section = extractSection(source.text, headings, parts);
    if (section === null) return `<p class="canvas-card-error">${escapeHtml(`“${subpath ?? ''}” was not found in this note.`)}</p>`;
    return this.render(index, notePath, cutAtLine(section, NOTE_START));
  }

  private async load(canvasPath: string): Promise<Loaded> {
    const index = this.options.vault.requireIndex();
    const name = path.posix.basename(canvasPath);
    if (extensionOf(canvasPath) !== 'canvas') throw new RpcFailure('invalid-params', `"${canvasPath.slice(0, 200)}" is not a canvas (a .canvas file).`);
    let file;
    try {
      file = await resolveVaultFile(index.root, canvasPath);
    } catch (error) {
      if (error instanceof RpcFailure && error.code === 'not-found') throw new RpcFailure('not-found', `The canvas "${canvasPath}" was not found: it does not exist in the vault (it may have been moved or deleted).`);
      throw error;
    }
    const stat = await fsp.stat(file.filePath);
    if (stat.size > CANVAS_FILE_LIMIT) {
      throw new RpcFailure('failed', `“${name}” is ${(stat.size / 1024 / 1024).toFixed(0)} MB; Berth opens canvases up to ${CANVAS_FILE_LIMIT / 1024 / 1024} MB.`);
    }
    const key = `${index.root}\u0000${stat.mtimeMs}\u0000${stat.size}`;
    const cached = this.cache.get(canvasPath);
    if (cached?.key === key) return cached;
    const text = await fsp.readFile(file.filePath, 'utf8');
    let parsed: ParsedCanvas;
    try {
      parsed = parseCanvas(text);
    } catch (error) {
      if (error instanceof CanvasFormatError) throw new RpcFailure('failed', `“${name}” cannot be shown as a canvas. ${error.message}`);
      throw error;
    }
    const loaded = { key, parsed, mtimeMs: stat.mtimeMs };
    this.cache.delete(canvasPath);
    this.cache.set(canvasPath, loaded);
    for (const old of this.cache.keys()) if (this.cache.size > 4) this.cache.delete(old);
    return loaded;
  }
}
