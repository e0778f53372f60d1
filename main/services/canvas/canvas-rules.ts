import { isIgnoredPath } from '../vault/vault-paths';

/** A file card's path inside the vault, or why it is refused. */
export type ConfinedPath = { path: string } | { refused: string };

/**
 * Checks the `file` of a canvas card the way the vault's file route does, before anything is looked
 * up: a vault-relative path, never absolute, a URL, a UNC path, climbing out with `..`, or inside
 * .obsidian/.git/node_modules/.trash. (The attachment route checks the real path again, symlinks too.)
 */
export function confineVaultPath(raw: string): ConfinedPath {
  if (raw.includes('\0')) return { refused: 'the path contains a NUL byte.' };
  const slashed = raw.trim().replace(/\\/g, '/');
  if (slashed === '') return { refused: 'the path is empty.' };
  if (slashed.length > 4096) return { refused: 'the path is too long.' };
  if (slashed.startsWith('//')) return { refused: 'network (UNC) paths are not vault files.' };
  if (slashed.startsWith('/') || /^[a-z]:/i.test(slashed)) return { refused: 'absolute paths are not vault files.' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(slashed)) return { refused: 'it is a URL, not a file of the vault.' };
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { refused: 'the path climbs out of the vault ("..").' };
  const path = segments.join('/');
  if (path === '') return { refused: 'the path is empty.' };
  if (isIgnoredPath(path)) return { refused: 'files in .obsidian, .git, node_modules and .trash are not shown.' };
  return { path };
}

/** A link card's URL: opened only when it is http(s); `host` is what the card shows as its site. */
export interface LinkRule {
  url: string;
  host: string;
  safe: boolean;
}

/**
 * Decides whether a link card's URL may be opened. Only `http:` and `https:` URLs are (the system
 * browser opens them through `system.openExternal`, which checks again); `javascript:`, `data:`,
 * `file:` and anything unparsable are shown as text only.
 */
export function linkRule(raw: string): LinkRule {
  const text = raw.trim().slice(0, 4096);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { url: text, host: '', safe: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: text, host: '', safe: false };
  return { url: url.href, host: url.host, safe: true };
}
