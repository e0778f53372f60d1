import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Publish, RenderedNoteView, VaultInfo } from '../../contract';
import { RpcFailure } from '../../contract/errors';
import type { Logger } from '../logging/logger';
import { exportNoteHtml } from './export-html';
import { IndexWorkers } from './index-workers';
import { createNoteFile } from './note-creation';
import type { NoteParser } from './note-parser';
import { noteLookup, noteView, readNoteSource } from './note-reading';
import { NoteStreams, type NotePage } from './note-streams';
import { readerUrls, type RenderUrls } from './render-note';
import { RenderPool } from './render-pool';
import { resolveVaultFile, type ResolvedVaultFile } from './resolve-vault-file';
import { writeTaskMark } from './task-mark';
import { VaultIndex } from './vault-index';
import { noteNameOf } from './vault-paths';
import { backlinksOf, buildTree, defaultNoteOf, notesWithTag, quickSwitch, tagCounts } from './vault-queries';
import { VaultWatcher } from './vault-watcher';
import { changedSince } from './vault-catch-up';

const closing = () => new RpcFailure('unavailable', 'Berth is closing; no vault is opened now.');

/** Where the vault service remembers the last vault, recent vaults and the open note per vault. */
export interface VaultMemory {
  recentVaults(): string[];
  lastNote(vaultRoot: string): string | undefined;
  rememberVault(vaultRoot: string): void;
  rememberNote(vaultRoot: string, notePath: string): void;
}

export interface VaultServiceOptions {
  bundledVaultDir: string;
  /** The bundled vault is read-only (a packaged app's resources): nothing is written into it. */
  bundledVaultReadOnly?: boolean;
  publish: Publish;
  log: Logger;
  memory: VaultMemory;
  urls?: RenderUrls;
  pickFolder?: () => Promise<string | null>;
  /** Milliseconds the watcher waits for a burst of changes to settle. */
  settleMs?: number;
  /** Reads and scans notes for the index (default: worker threads when built, else in-process). */
  parser?: NoteParser;
}

/**
 * One open vault at a time: its index, its watcher, and every query the notes feature asks
 * (tree, rendered notes, search, quick switch, backlinks, tags, export).
 */
export class VaultService {
  private index: VaultIndex | null = null;
  private watcher: VaultWatcher | null = null;
  private indexMs = 0;
  protected stopped = false; // the app is closing: no vault opens any more
  private opening: Promise<VaultInfo> | null = null;
  private listing: Promise<void> = Promise.resolve();
  /** Reads and scans notes for the index: on worker threads in the built app. */
  private readonly parser: NoteParser;
  private readonly listeners = new Set<(paths: string[]) => void>();
  /** Renders notes on a worker thread (in-process when running from TS sources). */
  readonly renderPool = new RenderPool();
  /** Long notes for the reader: first screen first, the rest in pages. */
  private readonly noteStreams = new NoteStreams(this.renderPool);
  private noteWasRead: () => void = () => undefined;
  /** Settles when the reader has been answered its first note (see `firstNoteRead`). */
  private readonly firstRead = new Promise<void>((resolve) => (this.noteWasRead = resolve));

  constructor(protected readonly options: VaultServiceOptions) {
    this.parser = options.parser ?? new IndexWorkers();
  }

  /** Opens a vault folder: validates it, indexes it, watches it, remembers it. */
  async open(dir: string): Promise<VaultInfo> {
    if (this.stopped) throw closing();
    // Queries asked from now on wait for this vault to be listed (set before the first await).
    let listed!: () => void;
    this.listing = new Promise<void>((resolve) => (listed = resolve));
    const root = path.resolve(dir.trim().replace(/^~(?=$|\/)/, process.env.HOME ?? '~'));
    const stat = await fsp.stat(root).catch(() => null);
    if (!stat?.isDirectory()) listed();
    if (!stat) throw new RpcFailure('not-found', `There is no folder at "${root}".`);
    if (!stat.isDirectory()) throw new RpcFailure('invalid-params', `"${root}" is a file, not a folder; choose the folder that holds your notes.`);
    this.renderPool.warm();
    // Index workers start in `fill`, only for vaults big enough to use them (not the bundled one).
    const run = async () => {
      try {
        const started = performance.now();
        const listedAt = Date.now();
        const index = new VaultIndex(root, this.parser);
        await index.list();
        if (this.stopped) throw closing();
        // Usable from here (tree, opening the last note); links, tags and search complete below.
        const previous = this.watcher;
        this.watcher = null;
        this.index = index;
        listed();
        await previous?.stop();
        this.options.publish('vault.changed', { paths: [], kind: 'opened', at: Date.now() });
        await index.fill();
        if (this.index !== index) return this.info();
        this.indexMs = performance.now() - started;
        this.options.memory.rememberVault(root);
        this.options.log.info('vault opened', { root, notes: index.notes.size, ms: Math.round(this.indexMs) });
        this.options.publish('vault.changed', { paths: [], kind: 'opened', at: Date.now() });
        // The watcher starts now, not beside `fill`: its first scan (an lstat per file) took the
        // main thread from indexing. What changed on disk since the listing is caught up after it.
        const known = (relative: string) => index.notes.has(relative) || index.attachments.has(relative);
        const watcher = new VaultWatcher(root, (paths) => void this.applyChanges(index, paths), this.options.settleMs, known);
        await watcher.start();
        if (this.index !== index) return watcher.stop().then(() => this.info());
        this.watcher = watcher;
        const missed = await changedSince(root, index, listedAt);
        if (missed.length) await this.applyChanges(index, missed);
        return this.info();
      } finally {
        listed();
      }
    };
    const opening = (this.opening ?? Promise.resolve()).catch(() => undefined).then(run);
    this.opening = opening;
    return opening;
  }

  private async applyChanges(index: VaultIndex, paths: string[]): Promise<void> {
    if (index !== this.index) return;
    try {
      const changes = await index.update(paths);
      for (const change of changes) this.options.publish('vault.changed', { paths: change.paths, kind: change.kind, at: Date.now() });
      if (changes.length) for (const listener of this.listeners) listener(changes.flatMap((change) => change.paths));
    } catch (error) {
      this.options.log.warn('vault update failed', { error: String(error) });
    }
  }

  /** Called after the index has applied changes from disk (tests and benchmarks wait on it). */
  onIndexed(listener: (paths: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once the vault being opened (if any) is listed: its tree, info and notes can be
   * read, while links, backlinks, tags and aliases may still be filling in. Never rejects.
   */
  async whenReady(): Promise<void> {
    await this.listing;
  }

  /** Resolves once the vault being opened (if any) is completely indexed; never rejects. */
  async whenIndexed(): Promise<void> {
    await this.opening?.catch(() => undefined);
  }

  requireIndex(): VaultIndex {
    if (!this.index) throw new RpcFailure('unavailable', 'No vault is open yet.');
    return this.index;
  }

  get root(): string | null {
    return this.index?.root ?? null;
  }

  info(): VaultInfo {
    const index = this.requireIndex();
    const remembered = this.options.memory.lastNote(index.root);
    const initial = remembered && index.notes.has(remembered) ? remembered : defaultNoteOf(index);
    const info: VaultInfo = {
      root: index.root,
      name: path.basename(index.root),
      isBundled: path.resolve(this.options.bundledVaultDir) === index.root,
      noteCount: index.notes.size,
      attachmentCount: index.attachments.size,
      recentVaults: this.options.memory.recentVaults(),
      canPickFolder: Boolean(this.options.pickFolder),
      indexMs: Math.round(this.indexMs),
    };
    if (initial) info.initialNote = initial;
    return info;
  }

  tree() {
    return { nodes: buildTree(this.requireIndex()) };
  }

  /** Renders a note for the reader. */
  async readNote(notePath: string): Promise<RenderedNoteView> {
    try {
      const index = this.requireIndex();
      const source = await readNoteSource(index.root, notePath);
      const started = performance.now();
      const { rendered, rest } = await this.noteStreams.open(notePath, source.text, noteLookup(index), this.options.urls ?? readerUrls);
      return noteView(notePath, source, rendered, performance.now() - started, rest);
    } finally {
      this.noteWasRead();
    }
  }

  /** Settles once a note has been read for the reader (answered or failed): the app starts its other work after it. */
  firstNoteRead(): Promise<void> {
    return this.firstRead;
  }

  /** The next page of a long note the reader is showing (see `NoteStreams`). */
  readNoteRest = (stream: string, from: number): Promise<NotePage> => this.noteStreams.page(stream, from);

  /** The reader left a long note before its rest was in: its render stops (see `NoteStreams.close`). */
  closeNoteRest = (stream: string): void => this.noteStreams.close(stream);

  async search(query: string, limit = 50) {
    const index = this.requireIndex();
    await index.searchReady;
    const started = performance.now();
    const hits = index.search.search(query, limit);
    return { hits, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  quickSwitch(query: string, limit = 50) {
    return { hits: quickSwitch(this.requireIndex(), query, limit) };
  }

  backlinks(notePath: string) {
    return backlinksOf(this.requireIndex(), notePath);
  }

  tags(tag?: string) {
    const index = this.requireIndex();
    return { tags: tagCounts(index), notes: tag ? notesWithTag(index, tag) : [] };
  }

  resolveLink(target: string, from: string) {
    const found = this.requireIndex().resolver.resolve(target, from);
    return found ? { path: found.path, kind: found.kind } : { kind: 'missing' as const };
  }

  /** Throws a readable refusal when the open vault must not be written (the bundled notes of a packaged app). */
  assertWritable(): void {
    const index = this.requireIndex();
    if (this.options.bundledVaultReadOnly && path.resolve(this.options.bundledVaultDir) === index.root) {
      throw new RpcFailure(
        'forbidden',
        'The bundled study notes are read-only inside the app. Open a vault of your own (File › Open Vault…) to write notes.',
      );
    }
  }

  /** Creates an empty note named `name` (in `folder`, or the vault root); refuses unsafe names. */
  async createNote(name: string, folder = ''): Promise<{ path: string }> {
    const index = this.requireIndex();
    this.assertWritable();
    const relative = await createNoteFile(index.root, name, folder);
    await index.update([relative]);
    this.options.publish('vault.changed', { paths: [relative], kind: 'added', at: Date.now() });
    return { path: relative };
  }

  /** Ticks or unticks one task line of a note on disk (see `writeTaskMark`), then re-indexes it. */
  async setTask(notePath: string, line: number, done: boolean, expectedMtimeMs: number) {
    const index = this.requireIndex();
    const result = await writeTaskMark(index.root, notePath, line, done, expectedMtimeMs);
    await index.update([notePath]);
    this.options.publish('vault.changed', { paths: [notePath], kind: 'changed', at: Date.now() });
    return result;
  }

  /** The note as a standalone HTML document. */
  async exportHtml(notePath: string): Promise<{ fileName: string; html: string }> {
    const index = this.requireIndex();
    const source = await readNoteSource(index.root, notePath);
    return { fileName: `${noteNameOf(notePath)}.html`, html: exportNoteHtml(index, notePath, source.text, noteLookup(index)) };
  }

  async pickFolder(): Promise<{ path?: string; usePrompt: boolean }> {
    if (!this.options.pickFolder) return { usePrompt: true };
    const picked = await this.options.pickFolder();
    return picked ? { path: picked, usePrompt: false } : { usePrompt: false };
  }

  rememberNote(notePath: string): { ok: boolean } {
    const index = this.requireIndex();
    if (!index.notes.has(notePath)) return { ok: false };
    this.options.memory.rememberNote(index.root, notePath);
    return { ok: true };
  }

  /** Confines a requested attachment path to the open vault (for the web route and the Electron protocol). */
  async resolveFile(requestedPath: string): Promise<ResolvedVaultFile> {
    return resolveVaultFile(this.requireIndex().root, requestedPath);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.index = null; // a vault still opening stops its watcher
    await this.watcher?.stop();
    this.watcher = null;
    await this.renderPool.stop();
    await this.parser.stop?.();
  }
}
