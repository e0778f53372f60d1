import fs from 'node:fs';
import { z } from 'zod';
import type { Annotation } from '../../contract/annotations';

/** What one shard file holds: the annotations of one note. */
export type ShardDocument = {
  schemaVersion: number;
  notePath: string;
  annotations: Annotation[];
};

/** The part of an electron-store / conf instance the annotation store uses. */
export interface ShardStore {
  readonly path: string;
  /** The whole document, read from disk. */
  readonly store: Record<string, unknown>;
  /** Replaces the whole document in one atomic write. */
  replace(value: ShardDocument): void;
}

/**
 * Opens one JSON store file `<cwd>/<name>.json`. In Electron this is electron-store, in web mode
 * and tests conf, with the same options; it must never clear a file it cannot read.
 */
export type ShardStoreFactory = (options: {
  name: string;
  cwd: string;
  defaults: ShardDocument;
}) => ShardStore;

/** A problem found while loading, for the user: what was kept and where the original went. */
export interface StoreNotice {
  level: 'warning' | 'error';
  message: string;
  backup?: string;
}

/** The shard format this version writes (older ones are read). */
export const SHARD_VERSION = 1;

/** The outer shape of a shard file, before each annotation is validated. */
export const shardShapeSchema = z.object({
  schemaVersion: z.number().int().min(1).max(SHARD_VERSION),
  notePath: z.string().min(1),
  annotations: z.array(z.unknown()),
});

/** One loaded shard: its store, note and annotations. */
export interface Shard {
  store: ShardStore;
  notePath: string;
  annotations: Map<string, Annotation>;
  /** Identity of the file as this store last wrote or read it; another writer changes it. */
  seen: string | null;
}

/** Inode, size and mtime: every atomic write (a rename) gives the file a new identity. */
export function fileIdentity(file: string): string | null {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}

/** An error's message, for notices. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
