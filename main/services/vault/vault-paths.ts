import path from 'node:path';

/** Folder names that are never part of a vault's content. */
export const IGNORED_FOLDERS = new Set(['.obsidian', '.git', 'node_modules', '.trash']);

/** Extensions (lower-case, no dot) of files shown as attachments. */
export const ATTACHMENT_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'avif', 'ico',
  'pdf',
  'mp3', 'wav', 'ogg', 'm4a', 'flac',
  'mp4', 'webm', 'mov', 'mkv',
  'txt', 'csv', 'json', 'yaml', 'yml', 'canvas',
]);

/** Extensions of attachments rendered inline as images. */
export const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'avif', 'ico']);

/** What a vault file is to Berth. */
export type VaultFileKind = 'note' | 'attachment' | 'other';

/** Lower-case extension of a path without the dot (`''` when there is none). */
export function extensionOf(filePath: string): string {
  const ext = path.posix.extname(filePath);
  return ext ? ext.slice(1).toLowerCase() : '';
}

/** Classifies a vault-relative path by its extension. */
export function fileKindOf(filePath: string): VaultFileKind {
  const ext = extensionOf(filePath);
  if (ext === 'md') return 'note';
  if (ATTACHMENT_EXTENSIONS.has(ext)) return 'attachment';
  return 'other';
}

/** True when any segment of a vault-relative path is an ignored folder. */
export function isIgnoredPath(relativePath: string): boolean {
  return toPosixPath(relativePath)
    .split('/')
    .some((segment) => IGNORED_FOLDERS.has(segment));
}

/** Converts a platform path to the forward-slash form used everywhere inside Berth. */
export function toPosixPath(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

/** The name Obsidian shows for a note: its file name without `.md`. */
export function noteNameOf(filePath: string): string {
  const base = path.posix.basename(filePath);
  return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}

/** The folder of a vault-relative path (`''` for the vault root). */
export function folderOf(filePath: string): string {
  const dir = path.posix.dirname(filePath);
  return dir === '.' ? '' : dir;
}

/** Encodes a vault-relative path for use in a URL path, segment by segment. */
export function encodeVaultPath(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/');
}
