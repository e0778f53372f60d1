import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, _electron, expect, type Page } from '@playwright/test';
import { findElectronBinary } from './support/electron-binary';
import { startWebHostProcess } from './support/web-host-process';

export interface BerthOptions {
  /** `copy` (default): a fresh copy of the bundled vault; `bundled`: notes/ itself; or a path. */
  vault: 'copy' | 'bundled' | string;
  /** Point Berth at another daemon (e.g. a private dockerd) instead of the default one. */
  dockerHost?: string;
  /** More environment for Berth, e.g. DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for a TLS daemon. */
  dockerEnv?: Record<string, string>;
  /** Files to place in the user data folder before Berth starts (name -> content). */
  userDataFiles?: Record<string, string>;
}

export interface Berth {
  page: Page;
  mode: 'web' | 'electron';
  vaultDir: string;
  userDataDir: string;
  /** Web mode only: the origin and the per-run token. */
  url?: string;
  token?: string;
  /** Saves a screenshot named `<name>.png` in this test's output folder. */
  shot(name: string): Promise<void>;
  /** Everything the host process printed so far. */
  hostOutput(): string;
}

const root = path.resolve(import.meta.dirname, '..');

function prepareVault(option: BerthOptions['vault'], tmp: string): string {
  if (option === 'bundled') return path.join(root, 'notes');
  if (option === 'copy') {
    const dir = path.join(tmp, 'vault');
    fs.cpSync(path.join(root, 'notes'), dir, { recursive: true });
    return dir;
  }
  return option;
}

/** Berth's test: a fresh Berth per test (web host + Chromium, or Electron) with its own data. */
export const test = base.extend<{ berthOptions: BerthOptions; berth: Berth }>({
  berthOptions: [{ vault: 'copy' }, { option: true }],
  berth: async ({ berthOptions, browser }, use, testInfo) => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-e2e-'));
    const userDataDir = path.join(tmp, 'user-data');
    for (const [name, content] of Object.entries(berthOptions.userDataFiles ?? {})) {
      fs.mkdirSync(path.dirname(path.join(userDataDir, name)), { recursive: true });
      fs.writeFileSync(path.join(userDataDir, name), content);
    }
    const vaultDir = prepareVault(berthOptions.vault, tmp);
    const env: NodeJS.ProcessEnv = {
      ...(berthOptions.dockerHost ? { DOCKER_HOST: berthOptions.dockerHost } : {}),
      ...berthOptions.dockerEnv,
    };
    const shotOf = (page: Page) => async (name: string) => {
      await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
    };

    if (testInfo.project.name === 'electron') {
      const binary = findElectronBinary(root);
      if (!('path' in binary)) {
        testInfo.skip(true, `Electron project skipped: ${binary.reason}.`);
        return;
      }
      const app = await _electron.launch({
        executablePath: binary.path,
        args: [path.join(root, 'out/main/index.js'), `--vault=${vaultDir}`, `--user-data-dir=${userDataDir}`],
        env: { ...process.env, ...env } as Record<string, string>,
      });
      const page = await app.firstWindow();
      await use({ page, mode: 'electron', vaultDir, userDataDir, shot: shotOf(page), hostOutput: () => '' });
      await page.screenshot({ path: testInfo.outputPath('final.png') }).catch(() => undefined);
      await app.close();
    } else {
      const host = await startWebHostProcess({ vaultDir, userDataDir, env, root });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(host.openUrl);
      await use({
        page,
        mode: 'web',
        vaultDir,
        userDataDir,
        url: host.url,
        token: host.token,
        shot: shotOf(page),
        hostOutput: host.output,
      });
      await page.screenshot({ path: testInfo.outputPath('final.png') }).catch(() => undefined);
      if (errors.length) await testInfo.attach('page-errors', { body: errors.join('\n'), contentType: 'text/plain' });
      await context.close();
      await host.stop();
      await testInfo.attach('host-output', { body: host.output(), contentType: 'text/plain' });
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  },
});

export { expect };
