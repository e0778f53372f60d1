import path from 'node:path';
import { snippetText } from './snippet-text';
import type { VaultIndex } from './vault-index';

/** A node of the file tree. */
export interface TreeNode {
  name: string;
  path: string;
  kind: 'folder' | 'note' | 'attachment';
  children?: TreeNode[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The vault as a folder tree: folders first, then files, in natural order. */
export function buildTree(index: VaultIndex): TreeNode[] {
  const root: TreeNode = { name: '', path: '', kind: 'folder', children: [] };
  const folders = new Map<string, TreeNode>([['', root]]);
  const folderNode = (folder: string): TreeNode => {
    const existing = folders.get(folder);
    if (existing) return existing;
    const parentPath = path.posix.dirname(folder) === '.' ? '' : path.posix.dirname(folder);
    const node: TreeNode = { name: path.posix.basename(folder), path: folder, kind: 'folder', children: [] };
    folders.set(folder, node);
    folderNode(parentPath).children?.push(node);
    return node;
  };
  for (const folder of index.folders) folderNode(folder);
  const addFile = (file: string, kind: 'note' | 'attachment') => {
    const folder = folderOf(file);
    const name = path.posix.basename(file);
    folderNode(folder).children?.push({ name: kind === 'note' ? name.slice(0, -3) : name, path: file, kind });
  };
  for (const note of index.notes.keys()) addFile(note, 'note');
  for (const attachment of index.attachments) addFile(attachment, 'attachment');
  const sort = (node: TreeNode) => {
    node.children?.sort((a, b) => (a.kind === 'folder') !== (b.kind === 'folder') ? (a.kind === 'folder' ? -1 : 1) : collator.compare(a.name, b.name));
    node.children?.forEach(sort);
  };
  sort(root);
  return root.children ?? [];
}

/** A quick-switcher hit. */
export interface SwitchHit {
  path: string;
  name: string;
  /** The alias that matched, when it was an alias. */
  alias?: string;
  folder: string;
  score: number;
  /** Indexes of matched characters in the shown text, for highlighting. */
  matches: number[];
}

/** Fuzzy subsequence score: consecutive and word-start matches count more; null when no match. */
export function fuzzyScore(query: string, text: string): { score: number; matches: number[] } | null {
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  if (!q) return { score: 0, matches: [] };
  const matches: number[] = [];
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of q) {
    if (char === ' ') continue;
    const at = t.indexOf(char, from);
    if (at < 0) return null;
    matches.push(at);
    score += 1;
    if (at === previous + 1) score += 3;
    if (at === 0 || /[\s/_\-.]/.test(t.charAt(at - 1))) score += 4;
    previous = at;
    from = at + 1;
  }
  if (t.startsWith(q)) score += 10;
  if (t === q) score += 20;
  score -= text.length * 0.02;
  return { score, matches };
}

const folderOf = (file: string) => (path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file));

/** Fuzzy matches over note names and aliases, and canvas names (best first). */
export function quickSwitch(index: VaultIndex, query: string, limit = 50): SwitchHit[] {
  const hits: SwitchHit[] = [];
  const trimmed = query.trim();
  for (const record of index.notes.values()) {
    const folder = folderOf(record.path);
    if (!trimmed) {
      hits.push({ path: record.path, name: record.name, folder, score: -record.name.length * 0.01 + record.mtimeMs / 1e13, matches: [] });
      continue;
    }
    let best: SwitchHit | null = null;
    const byName = fuzzyScore(trimmed, record.name);
    if (byName) best = { path: record.path, name: record.name, folder, score: byName.score + 1, matches: byName.matches };
    for (const alias of record.scan.aliases) {
      const byAlias = fuzzyScore(trimmed, alias);
      if (byAlias && (!best || byAlias.score > best.score)) best = { path: record.path, name: record.name, alias, folder, score: byAlias.score, matches: byAlias.matches };
    }
    if (!best && trimmed.includes('/')) {
      const byPath = fuzzyScore(trimmed, record.path);
      if (byPath) best = { path: record.path, name: record.name, folder, score: byPath.score - 2, matches: [] };
    }
    if (best) hits.push(best);
  }
  // Canvases are found by name too, as in Obsidian's switcher (after notes of the same score).
  for (const file of index.attachments) {
    if (!/\.canvas$/i.test(file)) continue;
    const name = path.posix.basename(file).replace(/\.canvas$/i, '');
    const folder = folderOf(file);
    if (!trimmed) {
      hits.push({ path: file, name, folder, score: -name.length * 0.01 - 1, matches: [] });
      continue;
    }
    const byName = fuzzyScore(trimmed, name);
    if (byName) hits.push({ path: file, name, folder, score: byName.score + 0.5, matches: byName.matches });
  }
  return hits.sort((a, b) => b.score - a.score || collator.compare(a.name, b.name)).slice(0, limit);
}

/** A note linking to (or mentioning) another. */
export interface BacklinkEntry {
  path: string;
  name: string;
  /** Lines where the link or mention occurs. */
  contexts: { line: number; text: string }[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Linked mentions (resolved links) and unlinked mentions (the name or an alias in plain text). */
export function backlinksOf(index: VaultIndex, target: string): { linked: BacklinkEntry[]; unlinked: BacklinkEntry[] } {
  const linked: BacklinkEntry[] = [];
  const linkingSources = new Set(index.linkingNotes(target));
  for (const source of linkingSources) {
    const record = index.notes.get(source);
    if (!record) continue;
    const contexts = index
      .linksFrom(source)
      .filter((edge) => edge.target === target)
      .map((edge) => ({ line: edge.link.line, text: snippetText(edge.link.context).trim() }));
    linked.push({ path: source, name: record.name, contexts: dedupeContexts(contexts) });
  }
  const record = index.notes.get(target);
  const unlinked: BacklinkEntry[] = [];
  if (record) {
    const names = [record.name, ...record.scan.aliases].filter((name) => name.trim().length >= 3);
    if (names.length) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
      for (const other of index.notes.values()) {
        if (other.path === target || linkingSources.has(other.path) || !pattern.test(other.scan.text)) continue;
        const contexts = other.scan.text
          .split('\n')
          .map((text, i) => ({ line: i + 1, text: text.trim() }))
          .filter((entry) => pattern.test(entry.text))
          .slice(0, 5)
          .map((entry) => ({ line: entry.line, text: snippetText(entry.text).trim().slice(0, 300) }));
        unlinked.push({ path: other.path, name: other.name, contexts });
        if (unlinked.length >= 100) break;
      }
    }
  }
  const byName = (a: BacklinkEntry, b: BacklinkEntry) => collator.compare(a.name, b.name);
  return { linked: linked.sort(byName), unlinked: unlinked.sort(byName) };
}

function dedupeContexts(contexts: { line: number; text: string }[]) {
  const seen = new Set<number>();
  return contexts.filter((context) => (seen.has(context.line) ? false : (seen.add(context.line), true)));
}

/** A tag with how many notes carry it (nested tags also count towards their parents). */
export interface TagCount {
  tag: string;
  count: number;
}

/** All tags, with note counts, including parent tags of nested ones. */
export function tagCounts(index: VaultIndex): TagCount[] {
  const counts = new Map<string, Set<string>>();
  for (const record of index.notes.values()) {
    for (const tag of record.scan.tags) {
      const parts = tag.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const key = parts.slice(0, i).join('/');
        let set = counts.get(key);
        if (!set) counts.set(key, (set = new Set()));
        set.add(record.path);
      }
    }
  }
  return [...counts.entries()].map(([tag, notes]) => ({ tag, count: notes.size })).sort((a, b) => collator.compare(a.tag, b.tag));
}

/** Notes carrying a tag (or a tag nested below it). */
export function notesWithTag(index: VaultIndex, tag: string): string[] {
  const wanted = tag.replace(/^#/, '').toLowerCase();
  return [...index.notes.values()]
    .filter((record) => record.scan.tags.some((t) => t.toLowerCase() === wanted || t.toLowerCase().startsWith(`${wanted}/`)))
    .map((record) => record.path)
    .sort(collator.compare);
}

/** The note a vault opens on when none was open: a welcome/readme/index note, else the first at the top level. */
export function defaultNoteOf(index: VaultIndex): string | undefined {
  const notes = [...index.notes.keys()].sort();
  return (
    notes.find((note) => /^(welcome|readme|index|start here)\.md$/i.test(note)) ??
    notes.find((note) => !note.includes('/')) ??
    notes[0]
  );
}
