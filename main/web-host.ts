/**
 * Berth in web mode: the same services and RPC as the desktop app, served to a browser on
 * 127.0.0.1 with a random per-run token. Used where no Electron binary exists, and by CI.
 *
 *   node out/main/web-host.js [--port N] [--host 127.0.0.1] [--vault DIR] [--user-data DIR] [--no-open]
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findAppRoot, rendererDir } from './app/paths';
import { createLogger } from './services/logging/logger';
import { NoticeBoard } from './services/logging/notice-board';
import { VAULT_FILE_PREFIX } from './services/vault/vault-file-prefix';
import { openWithSystem } from './web/open-browser';
import { startWebServer } from './web/web-server';
import { startLoopProbe } from './app/loop-probe';
import { loadDockerode } from './services/docker/load-dockerode';
import type * as WebApp from './app/create-web-app';

function defaultUserDataDir(): string {
  if (process.env.BERTH_USER_DATA) return process.env.BERTH_USER_DATA;
  if (process.platform === 'darwin')
    return path.join(os.homedir(), 'Library', 'Application Support', 'Berth');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Berth');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Berth');
}

/**
 * Loads the services' code a library at a time, with a turn of the event loop between: module
 * evaluation blocks the thread, and the page's own requests are answered in between.
 */
async function loadGently(): Promise<typeof WebApp> {
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  for (const library of [() => import('zod'), () => Promise.resolve(loadDockerode()), () => import('conf'), () => import('markdown-it'), () => import('yaml')]) {
    await turn();
    await library();
  }
  await turn();
  return import('./app/create-web-app');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      vault: { type: 'string' },
      'user-data': { type: 'string' },
      'no-open': { type: 'boolean' },
      reason: { type: 'string' },
      verbose: { type: 'boolean' },
    },
    strict: true,
  });
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);

  const appRoot = findAppRoot(import.meta.url);
  const userDataDir = path.resolve(values['user-data'] ?? defaultUserDataDir());
  const log = createLogger({
    file: path.join(userDataDir, 'logs', 'berth.log'),
    console: true,
    verbose: Boolean(values.verbose),
  });
  const notices = new NoticeBoard();
  const vaultDir = values.vault ? path.resolve(values.vault) : undefined;

  // Only the web server is loaded so far: it listens and the browser fetches the page while the
  // services' code (Docker's client, the stores, the vault) loads; RPC calls wait for it.
  const loading = loadGently().then((m) =>
    m.createWebApp({ appRoot, userDataDir, log, notices, reason: values.reason, ...(vaultDir ? { vaultDir } : {}) }),
  );
  loading.catch(() => undefined);
  startLoopProbe();

  const server = await startWebServer({
    app: loading.then((loaded) => loaded.app),
    rendererDir: rendererDir(appRoot),
    log,
    routes: [{ prefix: VAULT_FILE_PREFIX, handle: async (...request) => (await loading).vaultRoute.handle(...request) }],
    ...(values.host ? { host: values.host } : {}),
    port,
  });

  // One address, the one that works: it carries this run's access token (as Jupyter does).
  process.stdout.write(
    `Berth (web mode) is running. Open this address in your browser (it holds this run's access token):\n\n    ${server.openUrl}\n\n`,
  );
  if (!values['no-open']) {
    void openWithSystem(server.openUrl).then((opened) => {
      if (!opened)
        process.stdout.write('No browser could be opened from here; open the address above yourself.\n');
    });
  }
  let app: Awaited<typeof loading>['app'];
  try {
    app = (await loading).app;
  } catch (error) {
    await server.close();
    throw error;
  }
  // The vault, Docker and the trackers start once the address is out (queries wait for the vault).
  app.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info('shutting down', { signal });
    await server.close();
    await app.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Berth could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
