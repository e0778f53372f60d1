// Finds the Electron binary without requiring the `electron` package (whose index would try to
// download a missing binary). Shared by scripts/start.mjs and scripts/dist.mjs.
import fs from 'node:fs';
import path from 'node:path';

export function findElectronBinary(root = process.cwd()) {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkg)) return { reason: 'the electron package is not installed' };
  const pathFile = path.join(pkg, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative ?? 'electron')
    : relative
      ? path.join(pkg, 'dist', relative)
      : undefined;
  if (candidate && fs.existsSync(candidate))
    return { path: candidate, distDir: electronDistDir(candidate, relative ?? 'electron') };
  return {
    reason: 'no Electron binary is installed (its download is not reachable from this machine)',
  };
}

/**
 * The folder electron-builder's `electronDist` wants: the one that holds the platform's Electron
 * (`electron`, `electron.exe`, or `Electron.app`, to which electron-builder appends the rest), not
 * the folder of the binary itself (on macOS that is `Electron.app/Contents/MacOS`).
 */
export function electronDistDir(binaryPath, relativeBinary) {
  const parts = relativeBinary.split(/[\\/]/).filter(Boolean);
  let dir = binaryPath;
  for (let i = 0; i < parts.length; i++) dir = path.dirname(dir);
  return dir;
}
