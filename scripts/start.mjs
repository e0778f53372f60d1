#!/usr/bin/env node
// `npm start`: installs what is missing, builds, then starts Berth: the desktop app where an
// Electron binary exists, otherwise web mode (and says so). `npm run web` forces web mode.
// Other arguments pass through, e.g. `npm start -- --vault ~/notes --port 4312`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (result.status !== 0) {
    console.error(
      `\nBerth: \`${command} ${commandArgs.join(' ')}\` failed (exit ${result.status}).`,
    );
    process.exit(result.status ?? 1);
  }
}

const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs) {
  console.log('Berth: installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const { buildIsCurrent, sourceStamp, writeStamp } = await import('./build-stamp.mjs');
const stamp = sourceStamp(root);
if (buildIsCurrent(root, stamp)) {
  console.log('Berth: the build is up to date.');
} else {
  console.log('Berth: building…');
  run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  writeStamp(root, stamp);
}

const { findElectronBinary } = await import('./electron-binary.mjs');
const { MAIN_PROCESS_V8_FLAGS } = await import('./main-process-flags.mjs');
const electron = forceWeb
  ? { reason: 'web mode was asked for (npm run web)' }
  : findElectronBinary(root);

if ('path' in electron) {
  console.log('Berth: starting the desktop app…');
  const vault = passThrough.indexOf('--vault');
  // The app folder, not its main file: Electron then takes the name "Berth" from package.json
  // (user data under …/Berth), as the packaged app does.
  const electronArgs = [root];
  if (vault >= 0 && passThrough[vault + 1])
    electronArgs.push(`--vault=${path.resolve(passThrough[vault + 1])}`);
  const child = spawn(electron.path, electronArgs, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Berth: starting in web mode, because ${electron.reason}.`);
  const child = spawn(
    process.execPath,
    [...MAIN_PROCESS_V8_FLAGS, path.join(root, 'out/main/web-host.js'), '--reason', electron.reason, ...passThrough],
    { cwd: root, stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
