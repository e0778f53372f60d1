import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds package.json, notes/ and out/, found by walking up from a module file.
 * Works from sources (main/…), from the build (out/main/…) and under tsx.
 */
export function findAppRoot(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'notes'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return process.cwd();
}

/** Where the built renderer lives. */
export function rendererDir(appRoot: string): string {
  return process.env.BERTH_RENDERER_DIR ?? path.join(appRoot, 'out', 'renderer');
}

/** The bundled study vault. */
export function bundledVaultDir(appRoot: string): string {
  return path.join(appRoot, 'notes');
}

/** The app's version from package.json. */
export function readAppVersion(appRoot: string): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
