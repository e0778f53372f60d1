import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LinkResolver } from './link-resolver';
import { decodeNote } from './note-source';
import { scanNote, type ScannedLink, type ScannedNote } from './note-scan';
import { SearchIndex } from './search-index';
import { fileKindOf, isIgnoredPath, noteNameOf } from './vault-paths';
import { walkVault } from './vault-walk';

/** A note as the index knows it. */
export interface NoteRecord {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  scan: ScannedNote;
  /** A readable problem with the file's bytes (binary, invalid UTF-8). */
  problem?: string;
}

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

/** Longest stretch (ms) the initial build reads, scans, links or indexes notes before letting other work run. */
const READ_SLICE_MS = 12;
/** Notes bigger than this are indexed by name only (their text is not searched). */
const SCAN_LIMIT = 5_000_000;

/**
 * The in-memory index of one vault: notes with their headings, links, tags and text;
 * attachments; folders; the resolved link graph; and the full-text search index.
 */
export class VaultIndex {
  readonly notes = new Map<string, NoteRecord>();
  readonly attachments = new Set<string>();
  readonly folders = new Set<string>();
  readonly resolver = new LinkResolver();
  readonly search = new SearchIndex();
  private outgoing = new Map<string, LinkEdge[]>();
  private incoming = new Map<string, Set<string>>();
  /** Resolves when the full-text index has caught up with the initial build (it fills in the background). */
  searchReady: Promise<void> = Promise.resolve();

  constructor(readonly root: string) {}

  /** Reads the whole vault. */
  async build(): Promise<void> {
    const listing = await walkVault(this.root);
    for (const folder of listing.folders) this.folders.add(folder);
    for (const attachment of listing.attachments) {
      this.attachments.add(attachment);
      this.resolver.add(attachment);
    }
    const records = await this.readAll(listing.notes);
    // Kept in slices of a few milliseconds, like reading: the main process answers meanwhile.
    let sliceStart = performance.now();
    const breathe = async () => {
      if (performance.now() - sliceStart < READ_SLICE_MS) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    };
    for (const record of records) {
      if (record) this.putRecord(record, false);
      await breathe();
    }
    this.outgoing = new Map();
    this.incoming = new Map();
    for (const source of this.notes.keys()) {
      this.relink(source);
      await breathe();
    }
    // Tree, links, backlinks and rendering are ready now; search fills in without blocking them.
    this.searchReady = this.fillSearch(records.filter((record): record is NoteRecord => record !== null));
  }

  /**
   * Reads and scans every note of the initial build. Small local files are read synchronously
   * (one syscall round trip instead of four promise hops per file: ~8x less CPU than
   * `fs.promises.readFile`), in slices of a few milliseconds so the event loop keeps turning.
   */
  private async readAll(notes: readonly string[]): Promise<(NoteRecord | null)[]> {
    const records: (NoteRecord | null)[] = [];
    let sliceStart = performance.now();
    for (const note of notes) {
      records.push(this.readRecordSync(note));
      if (performance.now() - sliceStart > READ_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return records;
  }

  /** `readRecord` for a path the listing just reported as a file (no stat; mtime unknown). */
  private readRecordSync(relative: string): NoteRecord | null {
    try {
      const name = noteNameOf(relative);
      const bytes = readFileSync(path.join(this.root, relative));
      return this.recordOf(relative, name, bytes, 0);
    } catch {
      return null; // Vanished between listing and reading: the watcher reports the removal.
    }
  }

  private recordOf(relative: string, name: string, bytes: Buffer, mtimeMs: number): NoteRecord {
    if (bytes.length > SCAN_LIMIT) {
      return { path: relative, name, size: bytes.length, mtimeMs, scan: scanNote('', name), problem: 'This note is too large to index.' };
    }
    const decoded = decodeNote(bytes);
    const record: NoteRecord = { path: relative, name, size: bytes.length, mtimeMs, scan: scanNote(decoded.text, name) };
    if (decoded.problem) record.problem = decoded.problem;
    return record;
  }

  private async fillSearch(records: NoteRecord[]): Promise<void> {
    // Slices of a few milliseconds (not a fixed count: 250 notes took up to 100 ms on a loaded machine).
    let sliceStart = performance.now();
    for (const record of records) {
      // A note changed on disk meanwhile was already indexed in its newer form.
      if (this.notes.get(record.path) === record) this.indexForSearch(record);
      if (performance.now() - sliceStart > READ_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }

  private indexForSearch(record: NoteRecord): void {
    this.search.upsert({
      path: record.path,
      name: record.name,
      aliases: record.scan.aliases,
      headings: record.scan.headings.map((heading) => heading.text),
      tags: record.scan.tags,
      text: record.scan.text,
    });
  }

  private async readRecord(relative: string): Promise<NoteRecord | null> {
    const absolute = path.join(this.root, relative);
    try {
      const name = noteNameOf(relative);
      const stat = await fs.stat(absolute);
      if (!stat.isFile()) return null;
      if (stat.size > SCAN_LIMIT) {
        return { path: relative, name, size: stat.size, mtimeMs: stat.mtimeMs, scan: scanNote('', name), problem: 'This note is too large to index.' };
      }
      const bytes = await fs.readFile(absolute);
      return this.recordOf(relative, name, bytes, stat.mtimeMs);
    } catch {
      return null; // Vanished between listing and reading: the watcher reports the removal.
    }
  }

  private putRecord(record: NoteRecord, searchNow = true): void {
    this.notes.set(record.path, record);
    this.resolver.add(record.path, record.scan.aliases);
    if (searchNow) this.indexForSearch(record);
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
   * renamed; files or folders). Returns what changed.
   */
  async update(paths: readonly string[]): Promise<IndexChange[]> {
    const changes: IndexChange[] = [];
    let structural = false;
    const changedNotes: string[] = [];
    for (const relative of new Set(paths)) {
      if (isIgnoredPath(relative)) continue;
      const absolute = path.join(this.root, relative);
      const stat = await fs.stat(absolute).catch(() => null);
      if (!stat) {
        const removed = this.removeUnder(relative);
        if (removed.length) {
          structural = true;
          changes.push({ paths: removed, kind: 'removed' });
        }
        continue;
      }
      if (stat.isDirectory()) {
        if (!this.folders.has(relative)) {
          this.folders.add(relative);
          this.addParentFolders(relative);
          structural = true;
          changes.push({ paths: [relative], kind: 'added' });
        }
        continue;
      }
      const kind = fileKindOf(relative);
      if (kind === 'attachment' && !this.attachments.has(relative)) {
        this.attachments.add(relative);
        this.resolver.add(relative);
        this.addParentFolders(relative);
        structural = true;
        changes.push({ paths: [relative], kind: 'added' });
      } else if (kind === 'note') {
        const existed = this.notes.get(relative);
        const record = await this.readRecord(relative);
        if (!record) continue;
        if (existed) this.resolver.remove(relative);
        this.putRecord(record);
        this.addParentFolders(relative);
        if (!existed || existed.scan.aliases.join('\n') !== record.scan.aliases.join('\n')) structural = true;
        changedNotes.push(relative);
        changes.push({ paths: [relative], kind: existed ? 'changed' : 'added' });
      }
    }
    if (structural) this.relinkAll();
    else for (const note of changedNotes) this.relink(note);
    return changes;
  }

  private removeUnder(relative: string): string[] {
    const prefix = `${relative}/`;
    const removed: string[] = [];
    for (const note of [...this.notes.keys()]) {
      if (note === relative || note.startsWith(prefix)) {
        this.notes.delete(note);
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

  private relink(source: string): void {
    for (const edge of this.outgoing.get(source) ?? []) this.incoming.get(edge.target)?.delete(source);
    const record = this.notes.get(source);
    if (!record) {
      this.outgoing.delete(source);
      return;
    }
    const edges: LinkEdge[] = [];
    for (const link of record.scan.links) {
      const resolved = link.target === '' ? source : this.resolver.resolvedPath(link.target, source);
      if (resolved === null) continue;
      edges.push({ source, target: resolved, link });
      let set = this.incoming.get(resolved);
      if (!set) {
        set = new Set();
        this.incoming.set(resolved, set);
      }
      set.add(source);
    }
    this.outgoing.set(source, edges);
  }

  /** Re-resolves every link (after notes were added, removed or renamed). */
  relinkAll(): void {
    this.outgoing = new Map();
    this.incoming = new Map();
    for (const source of this.notes.keys()) this.relink(source);
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
