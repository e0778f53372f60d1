import fsp from 'node:fs/promises';
import path from 'node:path';
import { RpcFailure } from '../../contract/errors';

/**
 * Creates an empty note named `name` (in `folder`, or the vault root) holding its title; refuses
 * unsafe names, paths outside the vault and existing notes. Returns the note's vault path.
 */
export async function createNoteFile(root: string, name: string, folder = ''): Promise<string> {
  const clean = name.trim().replace(/\.md$/i, '');
  if (!clean || /[\\:*?"<>|\0]/.test(clean) || clean.split('/').some((part) => part === '..' || part === '.' || part.trim() === '')) {
    throw new RpcFailure('invalid-params', `"${name}" cannot be a note name; avoid \\ : * ? " < > | and empty folder names.`);
  }
  const relative = [folder.replace(/^\/+|\/+$/g, ''), `${clean}.md`].filter(Boolean).join('/');
  if (relative.split('/').includes('..')) throw new RpcFailure('invalid-params', 'A note cannot be created outside the vault.');
  const absolute = path.join(root, relative);
  if (!path.resolve(absolute).startsWith(root + path.sep)) throw new RpcFailure('invalid-params', 'A note cannot be created outside the vault.');
  await fsp.mkdir(path.dirname(absolute), { recursive: true });
  try {
    await fsp.writeFile(absolute, `# ${path.posix.basename(clean)}\n\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new RpcFailure('conflict', `A note named "${clean}" already exists there.`);
    throw error;
  }
  return relative;
}
