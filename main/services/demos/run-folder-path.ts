import fs from 'node:fs';
import path from 'node:path';

function inside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real path of `target`, or of its deepest existing ancestor joined with the rest. */
function realPathSoFar(target: string): string {
  let existing = target;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      rest.push(path.basename(existing));
      existing = parent;
    }
  }
}

/**
 * Resolves a path given relative to a run's work folder and makes sure it stays inside, also
 * after following symlinks: a container may plant a link in a bind-mounted folder (`ln -s /etc
 * data/etc`) and a later step must not read, write or mount through it. Throws a readable error.
 */
export function resolveInRunFolder(workDir: string, relativePath: string): string {
  const root = path.resolve(workDir);
  const file = path.resolve(root, relativePath);
  if (!inside(root, file)) throw new Error(`"${relativePath}" is outside the run folder.`);
  const realRoot = realPathSoFar(root);
  if (!inside(realRoot, realPathSoFar(file)))
    throw new Error(`"${relativePath}" leads outside the run folder through a symbolic link.`);
  return file;
}
