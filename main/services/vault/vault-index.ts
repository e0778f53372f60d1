import fs from 'node:fs/promises';
import path from 'node:path';
import { LinkResolver } from './link-resolver';
import type { ScannedLink, ScannedNote } from './note-scan';
import { BIG_NOTE_BYTES, inProcessParser, type NoteParser } from './note-parser';
import { placeholderRecord, readNoteRecord, readNoteRecordSync, type NoteRecord } from './note-record';
import { SearchIndex } from './search-index';
import { documentTermsInSlices } from './search-terms';
import { slicedEach } from './sliced-each';
import { fileKindOf, isIgnoredPath } from './vault-paths';
import { walkVault } from './vault-walk';

export type { NoteRecord } from './note-record';

/** A link from one note to another, resolved. */
export interface LinkEdge {
  source: string;
  target: string;
  link: ScannedLink;
}

/** What an update did to the index. */
export interface IndexChange {
  paths: string[];
  kind: 'added' | 'changed' | 'removed';
}

/** Notes with more search text than this (characters) are indexed for search in slices. */
const SLICED_SEARCH_TEXT = 64_000;
/** Changes of more notes than this at once (a checkout, a copied folder) are parsed by the note parser (worker threads). */
const PARSER_UPDATE_MIN = 32;

/**
 * The in-memory index of one vault: notes with their headings, links, tags and text;
 * attachments; folders; the resolved link graph; and the full-text search index.
 * Built in two steps: `list()` (every file known by name: tree, quick switch by name, opening a
 * note) and `fill()` (notes read and scanned by the `NoteParser`, on worker threads in the app;
 * then links, backlinks, tags and search). `build()` does both.
 */
export class VaultIndex {
  readonly notes = new Map<string, NoteRecord>();
  readonly attachments = new Set<string>();
  readonly folders = new Set<string>();
  readonly resolver = new LinkResolver();
  readonly search = new SearchIndex();
  private outgoing = new Map<string, LinkEdge[]>();
  private incoming = new Map<string, Set<string>>();
  /** Notes listed but not read yet (their records are placeholders). */
  private readonly unread = new Set<string>();
  /** Resolves when the full-text index has caught up with the initial build (it fills in the background). */
  searchReady: Promise<void> = Promise.resolve();

  constructor(
    readonly root: string,
    private readonly parser: NoteParser = inProcessParser,
  ) {}

  /** Reads the whole vault. */
  async build(): Promise<void> {
    await this.list();
    await this.fill();
  }

  /** Lists the vault: folders, attachments, and every note by name (read by `fill`). */
  async list(): Promise<void> {
    const listing = await walkVault(this.root);
    for (const folder of listing.folders) this.folders.add(folder);
    await slicedEach(listing.attachments, (attachment) => {
      this.attachments.add(attachment);
      this.resolver.add(attachment);
    });
    // In path order: the folder walk lists in whatever order reads finish, and search ties rank by it.
    // Sliced: 5,000 notes take 15-35 ms here, longer than the main thread may be busy at a stretch.
    await slicedEach(listing.notes.sort(), (note) => {
      this.notes.set(note, placeholderRecord(note));
      this.resolver.add(note);
      this.unread.add(note);
    });
  }

  /** True once every listed note has been read (links, backlinks, tags and properties are complete). */
  get complete(): boolean {
    return this.unread.size === 0;
  }

  /**
   * Reads and scans the listed notes, then links them. Resolves when tree, links, backlinks and
   * rendering are ready; the full-text index fills in after that (`searchReady`).
   */
  async fill(): Promise<void> {
    const records = new Set<NoteRecord>();
    await this.parser.parse(this.root, [...this.unread], (batch) => {
      for (const record of batch) {
        // A note changed or removed on disk meanwhile is already in its newer state.
        if (!this.unread.delete(record.path)) continue;
        this.notes.set(record.path, record);
        this.resolver.setAliases(record.path, record.scan.aliases);
        records.add(record);
      }
    });
    // Listed notes that could not be read are gone (the watcher reports their removal too).
    for (const vanished of this.unread) {
      this.notes.delete(vanished);
      this.resolver.remove(vanished);
    }
    this.unread.clear();
    await this.relinkAll();
    // Tree, links, backlinks and rendering are ready now; search fills in without blocking them.
    // In listing order (not the order batches came back in): ties rank the same on every run.
    this.searchReady = slicedEach([...this.notes.values()], (record) => (records.has(record) ? this.indexForSearch(record) : undefined));
  }

  /** What the scan of a note found; a note not read yet is read now (opening a note before the index is complete). */
  scanOf(notePath: string): ScannedNote | undefined {
    if (!this.unread.has(notePath)) return this.notes.get(notePath)?.scan;
    return readNoteRecordSync(this.root, notePath)?.scan;
  }

  /** Indexes a note for search: at once, or a long one in slices (a promise, settled when indexed). */
  private indexForSearch(record: NoteRecord): void | Promise<void> {
    const doc = {
      path: record.path,
      name: record.name,
      aliases: record.scan.aliases,
      headings: record.scan.headings.map((heading) => heading.text),
      tags: record.scan.tags,
      text: record.scan.text,
    };
    if (doc.text.length <= SLICED_SEARCH_TEXT) return this.search.upsert(doc);
    return documentTermsInSlices(doc).then((terms) => {
      // A newer version read meanwhile (or the note removed) wins over this one.
      if (this.notes.get(record.path) === record) this.search.add(doc, terms);
    });
  }

  private putRecord(record: NoteRecord): void | Promise<void> {
    this.unread.delete(record.path);
    this.notes.set(record.path, record);
    this.resolver.add(record.path, record.scan.aliases);
    return this.indexForSearch(record);
  }

  private addParentFolders(relative: string): void {
    let folder = path.posix.dirname(relative);
    while (folder !== '.' && folder !== '') {
      this.folders.add(folder);
      folder = path.posix.dirname(folder);
    }
  }

  /**
   * Brings the index up to date for paths that changed on disk (added, edited, removed or
   * renamed; files or folders). Returns what changed. Updates run one after another.
   */
  update(paths: readonly string[]): Promise<IndexChange[]> {
    const run = this.updating.catch(() => undefined).then(() => this.applyUpdate(paths));
    this.updating = run;
    return run;
  }

  private updating: Promise<unknown> = Promise.resolve();

  private async applyUpdate(paths: readonly string[]): Promise<IndexChange[]> {
    const changes: IndexChange[] = [];
    let structural = false;
    const changedNotes = new Map<string, number>();
    let bigNoteChanged = false;
    for (const relative of new Set(paths)) {
      if (isIgnoredPath(relative)) continue;
      const stat = await fs.stat(path.join(this.root, relative)).catch(() => null);
      if (!stat) {
        const removed = this.removeUnder(relative);
        if (removed.length) {
          structural = true;
          changes.push({ paths: removed, kind: 'removed' });
        }
      } else if (stat.isDirectory()) {
        if (!this.folders.has(relative)) {
          this.folders.add(relative);
          this.addParentFolders(relative);
          structural = true;
          changes.push({ paths: [relative], kind: 'added' });
        }
      } else if (fileKindOf(relative) === 'attachment' && !this.attachments.has(relative)) {
        this.attachments.add(relative);
        this.resolver.add(relative);
        this.addParentFolders(relative);
        structural = true;
        changes.push({ paths: [relative], kind: 'added' });
      } else if (fileKindOf(relative) === 'note' && stat.isFile()) {
        changedNotes.set(relative, stat.mtimeMs);
        if (stat.size >= BIG_NOTE_BYTES) bigNoteChanged = true;
      }
    }
    for (const record of await this.readChanged(changedNotes, bigNoteChanged)) {
      const existed = this.notes.get(record.path);
      if (existed) this.resolver.remove(record.path);
      await this.putRecord(record);
      this.addParentFolders(record.path);
      if (!existed || existed.scan.aliases.join('\n') !== record.scan.aliases.join('\n')) structural = true;
      changes.push({ paths: [record.path], kind: existed ? 'changed' : 'added' });
    }
    if (structural) await this.relinkAll();
    else for (const change of changes) for (const note of change.paths) this.relink(note, this.outgoing, this.incoming);
    return changes;
  }

  /** Reads changed notes: a few small ones right here; many at once (a checkout, a copied folder) or a big one through the note parser. */
  private async readChanged(changed: Map<string, number>, bigNoteChanged: boolean): Promise<NoteRecord[]> {
    if (changed.size <= PARSER_UPDATE_MIN && !bigNoteChanged) {
      const records = await Promise.all([...changed.keys()].map((relative) => readNoteRecord(this.root, relative)));
      return records.filter((record): record is NoteRecord => record !== null);
    }
    const records: NoteRecord[] = [];
    await this.parser.parse(this.root, [...changed.keys()], (batch) => {
      for (const record of batch) records.push({ ...record, mtimeMs: changed.get(record.path) ?? 0 });
    });
    return records;
  }

  private removeUnder(relative: string): string[] {
    const prefix = `${relative}/`;
    const removed: string[] = [];
    for (const note of [...this.notes.keys()]) {
      if (note === relative || note.startsWith(prefix)) {
        this.notes.delete(note);
        this.unread.delete(note);
        this.resolver.remove(note);
        this.search.remove(note);
        removed.push(note);
      }
    }
    for (const attachment of [...this.attachments]) {
      if (attachment === relative || attachment.startsWith(prefix)) {
        this.attachments.delete(attachment);
        this.resolver.remove(attachment);
        removed.push(attachment);
      }
    }
    for (const folder of [...this.folders]) {
      if (folder === relative || folder.startsWith(prefix)) {
        this.folders.delete(folder);
        removed.push(folder);
      }
    }
    return removed;
  }

  private relink(source: string, outgoing: Map<string, LinkEdge[]>, incoming: Map<string, Set<string>>): void {
    for (const edge of outgoing.get(source) ?? []) incoming.get(edge.target)?.delete(source);
    const record = this.notes.get(source);
    if (!record) {
      outgoing.delete(source);
      return;
    }
    const edges: LinkEdge[] = [];
    for (const link of record.scan.links) {
      const resolved = link.target === '' ? source : this.resolver.resolvedPath(link.target, source);
      if (resolved === null) continue;
      edges.push({ source, target: resolved, link });
      let set = incoming.get(resolved);
      if (!set) {
        set = new Set();
        incoming.set(resolved, set);
      }
      set.add(source);
    }
    outgoing.set(source, edges);
  }

  /**
   * Re-resolves every link (after notes were added, removed or renamed), a slice at a time into
   * fresh maps that replace the old ones when complete (queries meanwhile see the old links).
   */
  async relinkAll(): Promise<void> {
    const outgoing = new Map<string, LinkEdge[]>();
    const incoming = new Map<string, Set<string>>();
    await slicedEach([...this.notes.keys()], (source) => this.relink(source, outgoing, incoming));
    this.outgoing = outgoing;
    this.incoming = incoming;
  }

  /** Resolved links leaving a note. */
  linksFrom(source: string): LinkEdge[] {
    return this.outgoing.get(source) ?? [];
  }

  /** Notes that link to `target` (itself excluded). */
  linkingNotes(target: string): string[] {
    return [...(this.incoming.get(target) ?? [])].filter((source) => source !== target).sort();
  }
}
