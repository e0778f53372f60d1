#!/usr/bin/env node
// Generates Berth's icon set from assets/icons/berth.svg, offline:
//   assets/icons/png/<size>x<size>.png   (16 … 1024, the Linux set electron-builder reads)
//   assets/icons/icon.png                (1024, the generic one)
//   assets/icons/icon.icns               (macOS; PNG-based entries, written here in plain Node)
//   assets/icons/icon.ico                (Windows; PNG-based entries, written here in plain Node)
// Rasterising needs `rsvg-convert` (Debian: `apt-get install -y librsvg2-bin`); ImageMagick's
// `convert` is used when rsvg-convert is missing. The generated files are committed, so packaging
// needs none of these tools. `--check` only verifies the committed set is complete and current.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = path.join(root, 'assets', 'icons');
const source = path.join(iconsDir, 'berth.svg');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** ICNS entry types for PNG payloads, by pixel size. */
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function rasteriser() {
  if (has('rsvg-convert')) return (size, out) => ['rsvg-convert', ['-w', String(size), '-h', String(size), '-o', out, source]];
  if (has('convert')) return (size, out) => ['convert', ['-background', 'none', '-density', '1200', source, '-resize', `${size}x${size}`, out]];
  return null;
}

/** Builds an ICNS file from PNG buffers: 'icns' + total length, then type + length + data per entry. */
export function buildIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

/** Builds an ICO file with PNG-compressed images (supported since Windows Vista). */
export function buildIco(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = 6 + directory.length;
  entries.forEach(({ size, png }, i) => {
    const at = i * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, at);
    directory.writeUInt8(size >= 256 ? 0 : size, at + 1);
    directory.writeUInt8(0, at + 2);
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...entries.map((e) => e.png)]);
}

/** Every file the icon set consists of, relative to the repository root. */
export function iconFiles() {
  return [
    ...PNG_SIZES.map((s) => path.join('assets', 'icons', 'png', `${s}x${s}.png`)),
    path.join('assets', 'icons', 'icon.png'),
    path.join('assets', 'icons', 'icon.icns'),
    path.join('assets', 'icons', 'icon.ico'),
  ];
}

function check() {
  const missing = iconFiles().filter((f) => !fs.existsSync(path.join(root, f)));
  if (missing.length) {
    console.error(`Icon set incomplete; missing: ${missing.join(', ')}. Run \`node scripts/make-icons.mjs\`.`);
    return 1;
  }
  const svgTime = fs.statSync(source).mtimeMs;
  const stale = iconFiles().filter((f) => fs.statSync(path.join(root, f)).mtimeMs + 1000 < svgTime);
  if (stale.length) console.warn(`Icons older than berth.svg (regenerate if the logo changed): ${stale.join(', ')}`);
  console.log(`Icon set complete (${iconFiles().length} files).`);
  return 0;
}

function generate() {
  if (!fs.existsSync(source)) {
    console.error(`The source logo ${path.relative(root, source)} is missing.`);
    return 1;
  }
  const raster = rasteriser();
  if (!raster) {
    console.error(
      'Neither rsvg-convert nor ImageMagick is installed, so the SVG cannot be rasterised.\n' +
        'Install one (Debian/Ubuntu: `sudo apt-get install -y librsvg2-bin`; macOS: `brew install librsvg`) and run again.\n' +
        'The committed icons in assets/icons/ are enough to package; this is only needed when the logo changes.',
    );
    return 1;
  }
  const pngDir = path.join(iconsDir, 'png');
  fs.mkdirSync(pngDir, { recursive: true });
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const out = path.join(pngDir, `${size}x${size}.png`);
    const [command, args] = raster(size, out);
    const run = spawnSync(command, args, { encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(`${command} failed for ${size}px: ${run.stderr || run.error}`);
      return 1;
    }
    pngs.set(size, fs.readFileSync(out));
  }
  fs.copyFileSync(path.join(pngDir, '1024x1024.png'), path.join(iconsDir, 'icon.png'));
  fs.writeFileSync(path.join(iconsDir, 'icon.icns'), buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  fs.writeFileSync(path.join(iconsDir, 'icon.ico'), buildIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  console.log(`Wrote ${iconFiles().length} icon files to ${path.relative(root, iconsDir)}/.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(process.argv.includes('--check') ? check() : generate());
}
