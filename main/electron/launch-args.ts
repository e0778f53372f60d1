import fs from 'node:fs';
import path from 'node:path';

/**
 * The vault a launch asks for: `--vault=DIR`, `--vault DIR`, or a bare folder argument (what a file
 * manager or `berth ~/notes` passes). Relative paths resolve against the launching shell's folder.
 * Bare arguments count from `firstUserArg`: 1 in a packaged app (`berth DIR`), 2 unpackaged, where
 * argv[1] is the app itself (`electron .`, `electron /path/to/berth`). Returns undefined when no
 * existing folder was given.
 */
export function vaultFromArgs(
  argv: readonly string[],
  cwd: string,
  firstUserArg = 1,
): string | undefined {
  const candidates: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--vault=')) candidates.push(arg.slice('--vault='.length));
    else if (arg === '--vault' && argv[i + 1]) candidates.push(argv[++i] ?? '');
  }
  // Bare arguments after the executable and the app path (skip flags, and the main script itself).
  for (const arg of argv.slice(firstUserArg)) {
    if (!arg.startsWith('-') && !/\.(c|m)?js$/.test(arg)) candidates.push(arg);
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    const resolved = path.resolve(cwd, candidate);
    try {
      if (fs.statSync(resolved).isDirectory()) return resolved;
    } catch {
      // not a folder; try the next candidate
    }
  }
  return undefined;
}
