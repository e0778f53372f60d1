import fs from 'node:fs/promises';
import path from 'node:path';
import { RpcFailure } from '../../contract/errors';
import { mimeTypeOf } from './mime-types';
import { isIgnoredPath } from './vault-paths';

/** A vault file that may be served: its real absolute path and the type to serve it as. */
export interface ResolvedVaultFile {
  filePath: string;
  mimeType: string;
}

function refuse(requestedPath: string, why: string): RpcFailure {
  const shown = requestedPath.length > 200 ? `${requestedPath.slice(0, 200)}…` : requestedPath;
  return new RpcFailure('forbidden', `Refused to open "${shown.replace(/\0/g, '\\0')}": ${why}`);
}

/** True when `child` is `parent` itself or lies inside it (both absolute, normalized). */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Resolves a vault-relative path (already percent-decoded by the caller) to a real
 * file inside the vault. Refuses NUL bytes, absolute and UNC paths, `..` segments, ignored
 * folders, and anything whose real path (after following symlinks) leaves the vault.
 * Throws an `RpcFailure` with a readable message.
 */
export async function resolveVaultFile(vaultRoot: string, requestedPath: string): Promise<ResolvedVaultFile> {
  const requested = requestedPath;
  if (requested.includes('\0')) throw refuse(requestedPath, 'the path contains a NUL byte.');
  if (requested.trim() === '') throw refuse(requestedPath, 'the path is empty.');
  const slashed = requested.replace(/\\/g, '/');
  if (slashed.startsWith('//')) throw refuse(requestedPath, 'network (UNC) paths are not vault files.');
  if (slashed.startsWith('/') || /^[a-z]:/i.test(slashed)) {
    throw refuse(requestedPath, 'absolute paths are not vault files; use a path inside the vault.');
  }
  const segments = slashed.split('/');
  if (segments.includes('..')) throw refuse(requestedPath, 'the path climbs out of the vault ("..").');
  if (isIgnoredPath(slashed)) throw refuse(requestedPath, 'files in .obsidian, .git, node_modules and .trash are not served.');

  let realRoot: string;
  try {
    realRoot = await fs.realpath(vaultRoot);
  } catch {
    throw new RpcFailure('not-found', `The vault folder "${vaultRoot}" does not exist any more.`);
  }
  const candidate = path.resolve(realRoot, ...segments.filter((s) => s !== '' && s !== '.'));
  if (!isInside(realRoot, candidate)) throw refuse(requestedPath, 'the path is outside the vault.');

  let realFile: string;
  try {
    realFile = await fs.realpath(candidate);
  } catch {
    throw new RpcFailure('not-found', `"${requested}" was not found in the vault.`);
  }
  if (!isInside(realRoot, realFile)) throw refuse(requestedPath, 'it is a link that points outside the vault.');
  const stat = await fs.stat(realFile);
  if (!stat.isFile()) throw refuse(requestedPath, 'it is a folder, not a file.');
  return { filePath: realFile, mimeType: mimeTypeOf(realFile) };
}
