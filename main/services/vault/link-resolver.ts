import path from 'node:path';
import { headingKey } from './heading-key';
import type { ScannedHeading } from './note-scan';
import { fileKindOf, folderOf, noteNameOf } from './vault-paths';

/** Where a link points: a vault-relative path and whether it is a note or an attachment. */
export interface LinkTarget {
  path: string;
  kind: 'note' | 'attachment';
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function removeFrom(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) return;
  const next = list.filter((item) => item !== value);
  if (next.length) map.set(key, next);
  else map.delete(key);
}

function depth(filePath: string): number {
  return filePath.split('/').length;
}

/**
 * Resolves link targets the way Obsidian does: exact vault path, path relative to the linking
 * note, partial path suffix, then file name (case-insensitive; the same folder wins, then the
 * shortest path), then note aliases.
 */
export class LinkResolver {
  private readonly byPath = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();
  private readonly byAlias = new Map<string, string[]>();
  private readonly aliasesOf = new Map<string, string[]>();
  private lastSource: string | null = null;
  private lastFolder = '';
  private lastFolderLower = '';

  /** Adds a note or attachment (vault-relative posix path). */
  add(filePath: string, aliases: string[] = []): void {
    const kind = fileKindOf(filePath);
    const lower = filePath.toLowerCase();
    this.byPath.set(lower, filePath);
    if (kind === 'note') this.byPath.set(lower.slice(0, -3), filePath);
    addTo(this.byName, (kind === 'note' ? noteNameOf(filePath) : path.posix.basename(filePath)).toLowerCase(), filePath);
    this.setAliases(filePath, aliases);
  }

  /** Replaces the aliases of a note. */
  setAliases(filePath: string, aliases: string[]): void {
    for (const alias of this.aliasesOf.get(filePath) ?? []) removeFrom(this.byAlias, alias.toLowerCase(), filePath);
    this.aliasesOf.set(filePath, aliases);
    for (const alias of aliases) addTo(this.byAlias, alias.toLowerCase(), filePath);
  }

  /** Forgets a file. */
  remove(filePath: string): void {
    const kind = fileKindOf(filePath);
    const lower = filePath.toLowerCase();
    if (this.byPath.get(lower) === filePath) this.byPath.delete(lower);
    if (kind === 'note' && this.byPath.get(lower.slice(0, -3)) === filePath) this.byPath.delete(lower.slice(0, -3));
    removeFrom(this.byName, (kind === 'note' ? noteNameOf(filePath) : path.posix.basename(filePath)).toLowerCase(), filePath);
    this.setAliases(filePath, []);
    this.aliasesOf.delete(filePath);
  }

  /** Resolves `target` as written in the note at `sourcePath`; `null` when nothing matches. */
  resolve(target: string, sourcePath: string): LinkTarget | null {
    const found = this.resolvePath(target, sourcePath);
    if (!found) return null;
    return { path: found, kind: fileKindOf(found) === 'note' ? 'note' : 'attachment' };
  }

  /** The path `target` resolves to from `sourcePath` (as `resolve(...)?.path`), or null. */
  resolvedPath(target: string, sourcePath: string): string | null {
    return this.resolvePath(target, sourcePath) || null;
  }

  /** The folder of `sourcePath`; remembered for the last source, as links are resolved note by note. */
  private folderOfSource(sourcePath: string): string {
    if (sourcePath !== this.lastSource) {
      this.lastSource = sourcePath;
      this.lastFolder = folderOf(sourcePath);
      this.lastFolderLower = this.lastFolder.toLowerCase();
    }
    return this.lastFolder;
  }

  private resolvePath(rawTarget: string, sourcePath: string): string | null {
    let target = rawTarget.trim();
    if (target.includes('\\')) target = target.replace(/\\/g, '/');
    if (target === '') return sourcePath;
    const sourceFolder = this.folderOfSource(sourcePath);
    if (target.startsWith('./') || target.startsWith('../')) {
      const joined = path.posix.normalize(path.posix.join(sourceFolder, target));
      if (joined.startsWith('../')) return null;
      target = joined;
    }
    if (target.startsWith('/')) target = target.replace(/^\/+/, '');
    const lower = target.toLowerCase();

    const exact = this.byPath.get(lower);
    if (exact) return exact;
    if (sourceFolder) {
      const relative = this.byPath.get(`${this.lastFolderLower}/${lower}`);
      if (relative) return relative;
    }

    const slash = lower.lastIndexOf('/');
    const base = slash >= 0 ? lower.slice(slash + 1) : lower;
    const name = base.endsWith('.md') ? base.slice(0, -3) : base;
    const named = this.byName.get(name) ?? this.byName.get(base);
    if (named?.length) {
      const suffix = slash >= 0 ? `/${lower.replace(/\.md$/, '')}` : null;
      const candidates = suffix
        ? named.filter((candidate) => `/${candidate.toLowerCase()}`.replace(/\.md$/, '').endsWith(suffix))
        : named;
      const best = pickClosest(candidates, sourceFolder);
      if (best) return best;
    }
    if (slash < 0) {
      const aliased = this.byAlias.get(lower);
      if (aliased?.length) return pickClosest(aliased, sourceFolder);
    }
    return null;
  }
}

function pickClosest(candidates: string[], sourceFolder: string): string | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const sameFolder = candidates.find((candidate) => folderOf(candidate) === sourceFolder);
  if (sameFolder) return sameFolder;
  return [...candidates].sort((a, b) => depth(a) - depth(b) || a.length - b.length || a.localeCompare(b))[0] ?? null;
}

/**
 * Finds the heading a subpath names (`['A', 'B']` for `#A#B`): the last part must match, and
 * earlier parts must be its ancestors in order; falls back to the first heading matching the
 * last part. Returns the index in `headings`, or -1.
 */
export function findHeading(headings: readonly Pick<ScannedHeading, 'level' | 'key'>[], parts: readonly string[]): number {
  const keys = parts.map(headingKey).filter((key) => key !== '');
  const last = keys[keys.length - 1];
  if (last === undefined) return -1;
  let fallback = -1;
  for (let i = 0; i < headings.length; i++) {
    const heading = headings[i];
    if (!heading || heading.key !== last) continue;
    if (fallback < 0) fallback = i;
    let want = keys.length - 2;
    let level = heading.level;
    for (let j = i - 1; j >= 0 && want >= 0; j--) {
      const ancestor = headings[j];
      if (!ancestor || ancestor.level >= level) continue;
      level = ancestor.level;
      if (ancestor.key === keys[want]) want--;
    }
    if (want < 0) return i;
  }
  return fallback;
}
