/**
 * Berth's Electron main process: security first, then the app protocol, the services, the IPC
 * transport and the window. Everything else lives in services shared with web mode.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, shell } from 'electron';
import Store from 'electron-store';
import { createApp, type BerthApp } from './app/create-app';
import { bundledVaultDir, readAppVersion } from './app/paths';
import { installAppMenu } from './electron/app-menu';
import { handleAppProtocol, handleVaultProtocol, registerAppScheme } from './electron/app-protocol';
import { notifyFinishedDemos } from './electron/demo-notifications';
import { vaultFromArgs } from './electron/launch-args';
import { openExternalSafely } from './electron/open-external';
import { attachIpcTransport } from './rpc/ipc-transport';
import { applyAppSecurity, isAppUrl } from './security';
import { createLogger } from './services/logging/logger';
import { NoticeBoard } from './services/logging/notice-board';
import {
  moveAsideCorruptStore,
  wrapConf,
  type StoreFactory,
  type StoreOptions,
} from './services/settings/store-factory';
import { captureWindowState, createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = app.isPackaged ? process.resourcesPath : path.resolve(here, '..', '..');
const rendererRoot = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'preload.cjs');

registerAppScheme();

/** Launches that arrived before the app was ready; handled once it is. */
let onSecondInstance: (argv: string[], workingDirectory: string) => void = () => undefined;
const earlyLaunches: { argv: string[]; workingDirectory: string }[] = [];
let started = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Registered before anything can fail: a process without windows never keeps the lock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (started) onSecondInstance(argv, workingDirectory);
    else earlyLaunches.push({ argv, workingDirectory });
  });
  start().catch(failStart);
}

/** Start-up failed: say so with the log's path, then quit (never linger without a window). */
function failStart(error: unknown): void {
  const logFile = path.join(app.getPath('userData'), 'logs', 'berth.log');
  const message = error instanceof Error ? error.message : String(error);
  try {
    createLogger({ file: logFile, console: true }).error('Berth could not start', {
      error: error instanceof Error ? (error.stack ?? message) : message,
    });
  } catch {
    // the log folder itself may be the problem; the dialog still names it
  }
  dialog.showErrorBox('Berth could not start', `${message}\n\nDetails are in the log: ${logFile}`);
  app.exit(1);
}

async function start(): Promise<void> {
  await app.whenReady();
  const userDataDir = app.getPath('userData');
  const log = createLogger({
    file: path.join(userDataDir, 'logs', 'berth.log'),
    console: !app.isPackaged,
  });
  applyAppSecurity(log);
  handleAppProtocol(
    rendererRoot,
    app.isPackaged ? undefined : devServerUrl(process.env.ELECTRON_RENDERER_URL),
  );

  const notices = new NoticeBoard();
  const storeFactory: StoreFactory = <T extends Record<string, unknown>>(
    options: StoreOptions<T>,
  ) => {
    const open = () =>
      new Store<T>({
        name: options.name,
        ...(options.cwd ? { cwd: options.cwd } : {}),
        defaults: options.defaults,
        clearInvalidConfig: false,
        accessPropertiesByDotNotation: false,
      });
    try {
      return wrapConf(open());
    } catch (error) {
      const file = path.join(options.cwd ?? userDataDir, `${options.name}.json`);
      const backup = moveAsideCorruptStore(file, String(error));
      log.warn('store was unreadable and was moved aside', { ...backup });
      notices.record({
        level: 'warning',
        message: `A settings file could not be read and was kept as ${backup.backup}; Berth started with defaults.`,
      });
      return wrapConf(open());
    }
  };

  // Unpackaged, argv[1] is the app folder (`electron .`); it is never a vault.
  const firstUserArg = app.isPackaged ? 1 : 2;
  const vaultArg = vaultFromArgs(process.argv, process.cwd(), firstUserArg);
  let setMenuCommands: (commands: string[]) => void = () => undefined;
  const berth: BerthApp = createApp({
    version: app.isPackaged ? app.getVersion() : readAppVersion(appRoot),
    host: {
      mode: 'electron',
      openExternal: async (url) => {
        await openExternalSafely(url);
      },
      pickFolder: async () => {
        const focused = BrowserWindow.getFocusedWindow();
        const options: Electron.OpenDialogOptions = {
          title: 'Open vault',
          properties: ['openDirectory', 'createDirectory'],
        };
        const result = focused
          ? await dialog.showOpenDialog(focused, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openPath: (target) => shell.openPath(target),
      setAvailableCommands: (commands) => setMenuCommands(commands),
    },
    log,
    userDataDir,
    storeFactory,
    notices,
    bundledVaultDir: bundledVaultDir(appRoot),
    // Packaged, the bundled notes sit inside the signed, read-only app resources.
    bundledVaultReadOnly: app.isPackaged,
    ...(vaultArg ? { vaultDir: vaultArg } : {}),
  });
  const menu = installAppMenu(berth.hub.publish);
  setMenuCommands = (commands) => menu.setAvailable(commands);
  const stopNotifications = notifyFinishedDemos(
    berth.hub,
    () => berth.services.settings.get().notifyDemoFinished,
    log.child('notify'),
  );

  const windows = new Set<number>();
  const detachIpc = attachIpcTransport({
    router: berth.router,
    log: log.child('ipc'),
    isTrustedSender: (url, sender) => isAppUrl(url) && windows.has(sender.id),
  });
  handleVaultProtocol((requested) => berth.services.vault.resolveFile(requested));
  berth.start();

  const openWindow = () => {
    const win = createMainWindow(preloadPath, berth.services.settings.get().window);
    const id = win.webContents.id;
    windows.add(id);
    // Remember size and position as they change (debounced), so a crash does not lose them.
    let saveTimer: NodeJS.Timeout | undefined;
    const saveBounds = () => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {
        if (!win.isDestroyed()) berth.services.settings.update({ window: captureWindowState(win) });
      }, 500);
    };
    for (const name of ['resize', 'move', 'maximize', 'unmaximize'] as const)
      win.on(name as 'resize', saveBounds);
    win.on('close', () => {
      clearTimeout(saveTimer);
      berth.services.settings.update({ window: captureWindowState(win) });
    });
    win.on('closed', () => windows.delete(id));
    return win;
  };
  openWindow();

  // A second launch focuses this window and opens the vault it was given (`berth ~/notes`).
  onSecondInstance = (argv, workingDirectory) => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    } else {
      openWindow();
    }
    const vault = vaultFromArgs(argv, workingDirectory, firstUserArg);
    if (!vault) return;
    void berth.router
      .call('vault.open', { path: vault }, { transport: 'local', peer: 'second-instance' })
      .then((response) => {
        if (!response.ok)
          log.warn('second launch could not open its vault', {
            vault,
            error: response.error.message,
          });
      });
  };
  started = true;
  for (const launch of earlyLaunches.splice(0))
    onSecondInstance(launch.argv, launch.workingDirectory);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // Quit waits for running demos to be cancelled and cleaned up (bounded), then quits for real.
  let shutdown: 'running' | 'disposing' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (shutdown === 'done') return;
    event.preventDefault();
    if (shutdown === 'disposing') return;
    shutdown = 'disposing';
    detachIpc();
    stopNotifications();
    void settleWithin(berth.dispose(), QUIT_TIMEOUT_MS).then((outcome) => {
      if (outcome === 'timeout')
        log.warn('quit: clean-up took too long; quitting anyway (the next start sweeps leftovers)');
      else if (outcome instanceof Error)
        log.warn('quit: clean-up failed', { error: outcome.message });
      log.info('shut down');
      shutdown = 'done';
      app.quit();
    });
  });
}

/** How long quitting waits for demo clean-up before it gives up (the next start sweeps the rest). */
const QUIT_TIMEOUT_MS = 10_000;

/** Resolves with 'ok', the error, or 'timeout', whichever comes first. */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<'ok' | 'timeout' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), ms)),
  );
  try {
    return await Promise.race([
      work.then(
        () => 'ok' as const,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** electron-vite's dev server (`npm run dev`), only on loopback. */
function devServerUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
      ? url.origin
      : undefined;
  } catch {
    return undefined;
  }
}
