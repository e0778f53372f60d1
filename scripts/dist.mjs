#!/usr/bin/env node
// `npm run dist`: builds Berth and packages it with electron-builder for this OS (Linux: AppImage +
// deb, macOS: dmg, Windows: nsis), or for the targets given, e.g. `npm run dist -- --linux deb`.
// electron-builder needs an Electron binary to put in the package. It uses the one installed in
// node_modules/electron (no download) and otherwise stops with a clear explanation.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);

function step(title, command, args, env = {}) {
  console.log(`\nBerth dist: ${title}`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    console.error(`\nBerth dist: \`${command} ${args.join(' ')}\` failed (exit ${run.status ?? run.signal}).`);
    process.exit(run.status ?? 1);
  }
}

const icons = spawnSync(process.execPath, [path.join(root, 'scripts', 'make-icons.mjs'), '--check'], { cwd: root, stdio: 'inherit' });
if (icons.status !== 0) process.exit(icons.status ?? 1);

const electron = findElectronBinary(root);
if (!('path' in electron)) {
  console.error(
    [
      '',
      'Berth dist: cannot package here, because ' + electron.reason + '.',
      '',
      'electron-builder puts a real Electron binary inside each package, and this machine has none',
      '(node_modules/electron/dist is missing and downloading it is not possible from here).',
      'To package:',
      '  • on a machine with internet access: `npm ci && npm run dist` (the electron package downloads it), or',
      '  • point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron ' + electronVersion() + ' folder and run `npm run dist` again.',
      '',
      'What works without Electron: `npm run web` (Berth in the browser) and `npm test`',
      '(electron-builder.yml is validated offline by scripts/electron-builder-config.test.ts).',
    ].join('\n'),
  );
  process.exit(2);
}

step('building the app (electron-vite)…', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']);
const electronDist = electron.distDir;
step(
  `packaging with electron-builder (Electron from ${path.relative(root, electronDist) || electronDist})…`,
  'npx',
  ['electron-builder', '--config', 'electron-builder.yml', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.electronVersion=${electronVersion()}`, ...extraArgs],
);
const outDir = path.join(root, 'dist');
const artifacts = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => /\.(AppImage|deb|dmg|exe)$/.test(f)) : [];
console.log(`\nBerth dist: done. ${artifacts.length ? `Packages in dist/: ${artifacts.join(', ')}` : 'No package files found in dist/.'}`);

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    return '(see package.json)';
  }
}
