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
import { moveAsideCorruptStore, wrapConf, type StoreFactory, type StoreOptions } from './services/settings/store-factory';
import { captureWindowState, createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = app.isPackaged ? process.resourcesPath : path.resolve(here, '..', '..');
const rendererRoot = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, '..', 'preload', 'preload.cjs');

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const userDataDir = app.getPath('userData');
  const log = createLogger({ file: path.join(userDataDir, 'logs', 'berth.log'), console: !app.isPackaged });
  applyAppSecurity(log);
  handleAppProtocol(rendererRoot);

  const notices = new NoticeBoard();
  const storeFactory: StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) => {
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
      notices.record({ level: 'warning', message: `A settings file could not be read and was kept as ${backup.backup}; Berth started with defaults.` });
      return wrapConf(open());
    }
  };

  const vaultArg = vaultFromArgs(process.argv, process.cwd());
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
        const options: Electron.OpenDialogOptions = { title: 'Open vault', properties: ['openDirectory', 'createDirectory'] };
        const result = focused ? await dialog.showOpenDialog(focused, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openPath: (folder) => shell.openPath(folder),
      setAvailableCommands: (commands) => setMenuCommands(commands),
    },
    log,
    userDataDir,
    storeFactory,
    notices,
    bundledVaultDir: bundledVaultDir(appRoot),
    ...(vaultArg ? { vaultDir: vaultArg } : {}),
  });
  const menu = installAppMenu(berth.hub.publish);
  setMenuCommands = (commands) => menu.setAvailable(commands);
  const stopNotifications = notifyFinishedDemos(berth.hub, () => berth.services.settings.get().notifyDemoFinished, log.child('notify'));

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
    for (const name of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(name as 'resize', saveBounds);
    win.on('close', () => {
      clearTimeout(saveTimer);
      berth.services.settings.update({ window: captureWindowState(win) });
    });
    win.on('closed', () => windows.delete(id));
    return win;
  };
  openWindow();

  // A second launch focuses this window and opens the vault it was given (`berth ~/notes`).
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    } else {
      openWindow();
    }
    const vault = vaultFromArgs(argv, workingDirectory);
    if (!vault) return;
    void berth.router.call('vault.open', { path: vault }, { transport: 'local', peer: 'second-instance' }).then((response) => {
      if (!response.ok) log.warn('second launch could not open its vault', { vault, error: response.error.message });
    });
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    detachIpc();
    stopNotifications();
    void berth.dispose();
  });
}
