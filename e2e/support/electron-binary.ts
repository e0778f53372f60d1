import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary is, or why there is none. Checked without requiring the `electron`
 * package, whose index tries to download the binary when it is missing.
 */
export function findElectronBinary(root = process.cwd()): { path: string } | { reason: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkg)) return { reason: 'the electron package is not installed' };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const candidate = override ? path.join(override, relative ?? 'electron') : relative ? path.join(pkg, 'dist', relative) : undefined;
  if (candidate && fs.existsSync(candidate)) return { path: candidate };
  return {
    reason: 'no Electron binary on this machine (its download is not reachable here); the same suite runs in web mode',
  };
}
