import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

type Config = Record<string, unknown> & {
  files: string[];
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  directories: { output: string; buildResources: string };
  linux: { icon: string; target: string[] };
  mac: {
    icon: string;
    entitlements: string;
    entitlementsInherit: string;
    hardenedRuntime: boolean;
    target: string[];
  };
  win: { icon: string; target: string[] };
};

const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

/** electron-builder's own validation (its JSON schema plus its deprecation checks), offline. */
async function validate(candidate: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as {
    DebugLogger: new (enabled: boolean) => unknown;
  };
  await validateConfiguration(candidate, new DebugLogger(false));
}

/** electron-builder's file-pattern semantics: the last matching pattern wins. */
function packaged(file: string): boolean {
  const minimatch = require('minimatch') as (p: string, pattern: string, o: object) => boolean;
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is really validated: a typo or a wrong type is rejected', async () => {
    await expect(validate({ ...config, fuses: {} })).rejects.toThrow(/unknown property 'fuses'/);
    await expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).rejects.toThrow(
      /runAsNode/,
    );
  });

  it('names the app and turns publishing off', () => {
    expect(config.appId).toBe('dev.berth.app');
    expect(config.productName).toBe('Berth');
    expect(config.publish).toBeNull();
    expect(config.asar).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('targets AppImage + deb, dmg with the hardened runtime, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('names only files that exist', () => {
    const named = [
      config.directories.buildResources,
      config.linux.icon,
      config.mac.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
      config.win.icon,
      ...config.extraResources.map((r) => r.from),
    ];
    for (const file of named)
      expect(fs.existsSync(path.join(root, file)), `${file} exists`).toBe(true);
    const pngs = fs.readdirSync(path.join(root, config.linux.icon));
    expect(pngs).toEqual(expect.arrayContaining(['16x16.png', '256x256.png', '512x512.png']));
    expect(fs.readFileSync(path.join(root, config.mac.icon)).subarray(0, 4).toString('ascii')).toBe(
      'icns',
    );
    expect([...fs.readFileSync(path.join(root, config.win.icon)).subarray(0, 4)]).toEqual([
      0, 0, 1, 0,
    ]);
  });

  it('ships notes and assets as extra resources, where main/index.ts looks when packaged', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: 'notes', to: 'notes' }),
        expect.objectContaining({ from: 'assets', to: 'assets' }),
      ]),
    );
    const mainSource = fs.readFileSync(path.join(root, 'main', 'index.ts'), 'utf8');
    expect(mainSource).toContain('process.resourcesPath');
  });

  it('packages the built app but no sources, tests or source maps', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(packaged(pkg.main)).toBe(true);
    expect(packaged('package.json')).toBe(true);
    expect(packaged('out/preload/preload.cjs')).toBe(true);
    expect(packaged('out/renderer/index.html')).toBe(true);
    expect(packaged('out/renderer/assets/index-abc.js')).toBe(true);
    for (const file of [
      'out/main/index.js.map',
      'out/renderer/assets/index-abc.js.map',
      'main/index.ts',
      'e2e/security.spec.ts',
      'main/rpc/router.test.ts',
      'scripts/dist.mjs',
      'notes/index.md',
    ]) {
      expect(packaged(file), file).toBe(false);
    }
  });

  it('generates entitlements that grant JIT and nothing risky', () => {
    const plist = fs.readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    expect(plist).toContain('com.apple.security.cs.allow-jit');
    expect(plist).not.toContain('allow-unsigned-executable-memory');
    expect(plist).not.toContain('disable-library-validation');
    expect(plist).not.toContain('allow-dyld-environment-variables');
  });

  it('keeps electron-builder’s default Debian dependencies (GTK, NSS, xdg-utils, libsecret, …)', () => {
    const FpmTarget = (
      require('app-builder-lib/out/targets/FpmTarget') as {
        default: { prototype: { getDefaultDepends(target: string): string[] } };
      }
    ).default;
    const defaults = FpmTarget.prototype.getDefaultDepends.call({}, 'deb');
    expect(defaults).toContain('libgtk-3-0');
    // electron-builder uses `deb.depends` INSTEAD of its defaults when it is set.
    const depends = (config.deb as { depends?: string[] } | undefined)?.depends;
    const effective = depends ?? defaults;
    for (const needed of defaults) expect(effective).toContain(needed);
  });
});

describe('npm run dist', () => {
  it('hands electron-builder the folder that holds the platform’s Electron, not the binary’s own folder', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { electronDistDir } = (await import('./electron-binary.mjs')) as {
      electronDistDir: (binary: string, relative: string) => string;
    };
    // macOS: electron-builder appends Electron.app itself, so .../dist/Electron.app/Contents/MacOS would be wrong.
    expect(
      electronDistDir(
        '/x/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron',
        'Electron.app/Contents/MacOS/Electron',
      ),
    ).toBe('/x/node_modules/electron/dist');
    expect(electronDistDir('/x/node_modules/electron/dist/electron', 'electron')).toBe(
      '/x/node_modules/electron/dist',
    );
  });
});
