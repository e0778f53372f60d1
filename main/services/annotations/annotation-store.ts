import fs from 'node:fs';
import path from 'node:path';
import { annotationSchema, type Annotation } from '../../contract/annotations';
import {
  fileIdentity,
  SHARD_VERSION,
  shardShapeSchema,
  type Shard,
  type ShardDocument,
  type ShardStoreFactory,
  type StoreNotice,
} from './shard-file';
import { loadShardFile } from './shard-loading';
import { withFileLockSync } from './shard-lock';
import { SHARD_NAME_PATTERN, shardNameFor, vaultStoreDir } from './store-files';

export type { ShardDocument, ShardStore, ShardStoreFactory, StoreNotice } from './shard-file';

export interface AnnotationStoreOptions {
  baseDir: string;
  vaultPath: string;
  openStore: ShardStoreFactory;
  onNotice?: (notice: StoreNotice) => void;
  now?: () => Date;
}

/**
 * The annotations of one vault, one shard file per note, so that adding one rewrites only its
 * note's file however large the vault grows (and a damaged file costs one note, not the vault).
 * Every write reads the shard from disk first, so two stores over the same folder do not undo
 * each other's changes. Damaged files are backed up, reported and read as far as possible.
 */
export class AnnotationStore {
  /** Folder holding this vault's shard files. */
  readonly dir: string;
  private readonly shards = new Map<string, Shard>();
  private readonly noteOfId = new Map<string, string>();
  private readonly now: () => Date;

  constructor(private readonly options: AnnotationStoreOptions) {
    this.dir = vaultStoreDir(options.baseDir, options.vaultPath);
    this.now = options.now ?? (() => new Date());
    fs.mkdirSync(this.dir, { recursive: true });
    for (const entry of fs.readdirSync(this.dir)) {
      const name = entry.endsWith('.json') ? entry.slice(0, -5) : '';
      if (SHARD_NAME_PATTERN.test(name)) this.loadShard(name);
    }
  }

  /** Every annotation of the vault, including what another process (the CLI) wrote meanwhile. */
  all(): Annotation[] {
    this.scanForNewShards();
    for (const shard of this.shards.values()) this.refresh(shard);
    return [...this.shards.values()].flatMap((shard) => [...shard.annotations.values()]);
  }

  /** The annotations of one note. */
  forNote(notePath: string): Annotation[] {
    const shard = this.shards.get(notePath);
    if (shard) this.refresh(shard);
    else if (fs.existsSync(path.join(this.dir, `${shardNameFor(notePath)}.json`)))
      this.loadShard(shardNameFor(notePath));
    return [...(this.shards.get(notePath)?.annotations.values() ?? [])];
  }

  /** Loads shard files that appeared since the store was opened. */
  private scanForNewShards(): void {
    const known = new Set([...this.shards.keys()].map(shardNameFor));
    let entries: string[];
    try {
      entries = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.endsWith('.json') ? entry.slice(0, -5) : '';
      if (SHARD_NAME_PATTERN.test(name) && !known.has(name)) this.loadShard(name);
    }
  }

  /** Re-reads a shard that someone else rewrote since this store last saw it. */
  private refresh(shard: Shard): void {
    const identity = fileIdentity(shard.store.path);
    if (identity === null || identity === shard.seen) return;
    const current = this.readShard(shard);
    for (const id of shard.annotations.keys()) this.noteOfId.delete(id);
    shard.annotations = current;
    shard.seen = identity;
    for (const id of current.keys()) this.noteOfId.set(id, shard.notePath);
  }

  get(id: string): Annotation | undefined {
    const notePath = this.noteOfId.get(id);
    return notePath === undefined ? undefined : this.shards.get(notePath)?.annotations.get(id);
  }

  /** Paths of the notes that have annotations. */
  notePaths(): string[] {
    return [...this.shards.values()].filter((s) => s.annotations.size).map((s) => s.notePath);
  }

  /** Adds or replaces annotations (by id) of one note in one atomic write. */
  put(notePath: string, annotations: Annotation[]): void {
    for (const annotation of annotations) {
      if (annotation.notePath !== notePath)
        throw new Error(
          `Annotation ${annotation.id} belongs to ${annotation.notePath}, not ${notePath}.`,
        );
      annotationSchema.parse(annotation);
    }
    this.mutate(notePath, (current) => {
      for (const annotation of annotations) current.set(annotation.id, annotation);
    });
  }

  /** Deletes annotations by id from one note; returns those that existed. */
  remove(notePath: string, ids: string[]): Annotation[] {
    const removed: Annotation[] = [];
    this.mutate(notePath, (current) => {
      for (const id of ids) {
        const found = current.get(id);
        if (found) removed.push(found);
        current.delete(id);
      }
    });
    return removed;
  }

  private mutate(notePath: string, change: (current: Map<string, Annotation>) => void): void {
    const shard = this.shards.get(notePath) ?? this.openShard(shardNameFor(notePath), notePath);
    // One writer per shard across processes: read, change and write back under its lock.
    const current = withFileLockSync(shard.store.path, () => {
      const fresh = this.readShard(shard);
      change(fresh);
      const doc: ShardDocument = {
        schemaVersion: SHARD_VERSION,
        notePath,
        annotations: [...fresh.values()],
      };
      shard.store.replace(doc);
      shard.seen = fileIdentity(shard.store.path);
      return fresh;
    });
    for (const id of shard.annotations.keys()) this.noteOfId.delete(id);
    shard.annotations = current;
    for (const id of current.keys()) this.noteOfId.set(id, notePath);
  }

  /** The shard as it is on disk now (another store may have written it); memory if unreadable. */
  private readShard(shard: Shard): Map<string, Annotation> {
    // Unchanged since we last wrote or read it: memory is the file.
    if (shard.seen !== null && shard.seen === fileIdentity(shard.store.path))
      return new Map(shard.annotations);
    let raw: unknown;
    try {
      raw = shard.store.store;
    } catch {
      return new Map(shard.annotations);
    }
    const shape = shardShapeSchema.safeParse(raw);
    if (!shape.success) return new Map(shard.annotations);
    const current = new Map<string, Annotation>();
    for (const item of shape.data.annotations) {
      const parsed = annotationSchema.safeParse(item);
      if (parsed.success && parsed.data.notePath === shard.notePath)
        current.set(parsed.data.id, parsed.data);
    }
    return current;
  }

  private openShard(name: string, notePath: string): Shard {
    const defaults: ShardDocument = { schemaVersion: SHARD_VERSION, notePath, annotations: [] };
    // conf writes its defaults into a missing shard file as it opens it: under the shard's lock,
    // or that write can land on a change another process made between its read and its write.
    const store = withFileLockSync(path.join(this.dir, `${name}.json`), () =>
      this.options.openStore({ name, cwd: this.dir, defaults }),
    );
    const shard: Shard = { store, notePath, annotations: new Map(), seen: null };
    this.shards.set(notePath, shard);
    return shard;
  }

  private notify(notice: StoreNotice): void {
    this.options.onNotice?.(notice);
  }

  private loadShard(name: string): void {
    const shard = loadShardFile(name, {
      dir: this.dir,
      openStore: this.options.openStore,
      now: this.now,
      notify: (notice) => this.notify(notice),
      has: (notePath) => this.shards.has(notePath),
    });
    if (!shard) return;
    this.shards.set(shard.notePath, shard);
    for (const id of shard.annotations.keys()) this.noteOfId.set(id, shard.notePath);
  }
}
