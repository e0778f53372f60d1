/**
 * A test tool: an in-process stand-in for the parts of the `electron` module Berth's main process
 * uses, reproducing the documented semantics that matter for its wiring (Electron 45,
 * node_modules/electron/electron.d.ts): `ready` → `web-contents-created`; `did-start-navigation`
 * (with `isSameDocument`) fires BEFORE `will-navigate`, which may cancel the navigation;
 * `will-quit` can be prevented; `second-instance`; permission handlers; `protocol.handle` called
 * with a real `Request`; `ipcMain.handle` with the sender frame. Nothing in the product imports it.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Listener = (...args: never[]) => unknown;

/** An Electron-style event object whose default can be prevented. */
export function preventableEvent(): { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextContentsId = 1;

/** A web contents with a main frame, events and the messages sent to it. */
export class StandInWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: { url: string };
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  constructor(private readonly standIn: ElectronStandIn) {
    super();
    this.mainFrame = { url: 'about:blank' };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /**
   * Navigates the main frame the way Chromium reports it: `did-start-navigation` first, then
   * (cross-document only) `will-navigate`, which may prevent it; then `did-navigate` or
   * `did-navigate-in-page`. Returns false when the navigation was prevented.
   */
  navigate(
    url: string,
    options: { sameDocument?: boolean; rendererInitiated?: boolean } = {},
  ): boolean {
    const sameDocument = options.sameDocument ?? false;
    const details = Object.assign(preventableEvent(), {
      url,
      isSameDocument: sameDocument,
      isMainFrame: true,
      frame: this.mainFrame,
    });
    this.emit('did-start-navigation', details, url, sameDocument, true, 1, 1);
    if (sameDocument) {
      this.mainFrame.url = url;
      this.emit('did-navigate-in-page', preventableEvent(), url, true, 1, 1);
      return true;
    }
    if (options.rendererInitiated ?? true) {
      const willNavigate = Object.assign(preventableEvent(), {
        url,
        isMainFrame: true,
        isSameDocument: false,
        frame: this.mainFrame,
      });
      this.emit('will-navigate', willNavigate, url);
      if (willNavigate.defaultPrevented) return false;
    }
    this.mainFrame.url = url;
    this.emit('did-navigate', preventableEvent(), url, 200, 'OK');
    this.emit('did-finish-load');
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
    this.standIn.contents.delete(this);
  }
}

/** A browser window that records what was done to it, in order. */
export class StandInWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  readonly calls: string[] = [];
  visible = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  focused = false;
  bounds = { x: 10, y: 10, width: 1440, height: 900 };

  constructor(
    private readonly standIn: ElectronStandIn,
    readonly options: Record<string, unknown>,
  ) {
    super();
    this.webContents = new StandInWebContents(standIn);
    standIn.contents.add(this.webContents);
    standIn.windows.add(this);
    standIn.app.emit('web-contents-created', preventableEvent(), this.webContents);
    standIn.app.emit('browser-window-created', preventableEvent(), this);
  }

  async loadURL(url: string): Promise<void> {
    this.calls.push(`loadURL ${url}`);
    this.webContents.navigate(url, { rendererInitiated: false });
  }
  /** What Chromium does once the first paint is ready. */
  becomeReady(): void {
    this.calls.push('ready-to-show');
    this.emit('ready-to-show');
  }
  maximize(): void {
    this.calls.push('maximize');
    this.maximized = true;
    this.visible = true; // on Linux and Windows, maximize() shows a hidden window
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  focus(): void {
    this.calls.push('focus');
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  close(): void {
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.standIn.windows.delete(this);
    this.emit('closed');
    if (this.standIn.windows.size === 0) this.standIn.app.emit('window-all-closed');
  }
}

/** Builds a fresh stand-in: one per imported copy of the main process. */
export function createElectronStandIn(
  options: { packaged?: boolean; singleInstanceLock?: boolean; userData?: string } = {},
) {
  return new ElectronStandIn(options);
}

/** The whole stand-in; `module` is what `vi.doMock('electron', …)` should return. */
export class ElectronStandIn {
  readonly windows = new Set<StandInWindow>();
  readonly contents = new Set<StandInWebContents>();
  readonly userData: string;
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly openedPaths: string[] = [];
  readonly openedExternal: string[] = [];
  readonly notifications: StandInNotificationLike[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  readonly ipcHandlers = new Map<string, Listener>();
  readonly ipcListeners = new EventEmitter();
  readonly permission: {
    request?: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string },
    ) => void;
    check?: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean;
  } = {};
  quitState: 'running' | 'quitting' | 'quit' = 'running';
  exitCode: number | undefined;
  readonly app: EventEmitter;
  readonly module: Record<string, unknown>;
  private readyResolve!: () => void;
  private readonly readyPromise: Promise<void>;

  constructor(options: { packaged?: boolean; singleInstanceLock?: boolean; userData?: string }) {
    this.userData = options.userData ?? fs.mkdtempSync(path.join(os.tmpdir(), 'berth-standin-'));
    this.readyPromise = new Promise((resolve) => (this.readyResolve = resolve));
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the module's functions close over the stand-in
    const standIn = this;
    const app = Object.assign(new EventEmitter(), {
      isPackaged: options.packaged ?? false,
      name: 'Berth',
      whenReady: () => standIn.readyPromise,
      requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
      getPath: (name: string) =>
        name === 'userData' ? standIn.userData : path.join(standIn.userData, name),
      getVersion: () => '0.0.0-standin',
      getAppPath: () => process.cwd(),
      quit: () => standIn.quit(),
      exit: (code = 0) => {
        standIn.exitCode = code;
        standIn.quitState = 'quit';
      },
    });
    this.app = app;
    const ipcMain = {
      handle: (channel: string, handler: Listener) => standIn.ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => standIn.ipcHandlers.delete(channel),
      on: (channel: string, listener: Listener) =>
        standIn.ipcListeners.on(channel, listener as never),
      off: (channel: string, listener: Listener) =>
        standIn.ipcListeners.off(channel, listener as never),
    };
    const defaultSession = {
      setPermissionRequestHandler: (handler: ElectronStandIn['permission']['request']) =>
        (standIn.permission.request = handler),
      setPermissionCheckHandler: (handler: ElectronStandIn['permission']['check']) =>
        (standIn.permission.check = handler),
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: () => undefined, onHeadersReceived: () => undefined },
    };
    class Notification extends EventEmitter {
      static isSupported = () => true;
      shown = false;
      constructor(readonly options: { title: string; body: string }) {
        super();
        standIn.notifications.push(this);
      }
      show() {
        this.shown = true;
      }
    }
    class BrowserWindow extends StandInWindow {
      constructor(windowOptions: Record<string, unknown>) {
        super(standIn, windowOptions);
      }
      static getAllWindows = () => [...standIn.windows];
      static getFocusedWindow = () => [...standIn.windows].find((w) => w.focused) ?? null;
    }
    this.module = {
      app,
      BrowserWindow,
      ipcMain,
      Notification,
      session: { defaultSession },
      protocol: {
        registerSchemesAsPrivileged: () => undefined,
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
          standIn.protocolHandlers.set(scheme, handler),
      },
      dialog: {
        showErrorBox: (title: string, content: string) =>
          standIn.errorBoxes.push({ title, content }),
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showMessageBox: async () => ({ response: 0 }),
      },
      shell: {
        openExternal: async (url: string) => void standIn.openedExternal.push(url),
        openPath: async (target: string) => {
          standIn.openedPaths.push(target);
          return '';
        },
      },
      Menu: {
        buildFromTemplate: (template: unknown) => ({ template, getMenuItemById: () => null }),
        setApplicationMenu: () => undefined,
      },
      nativeTheme: { shouldUseDarkColors: false, on: () => undefined },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    };
  }

  /** Fires `ready` (and resolves `app.whenReady()`). */
  ready(): void {
    this.app.emit('ready');
    this.readyResolve();
  }

  /** `app.quit()`: `before-quit`, then `will-quit`, which may be prevented. */
  quit(): void {
    if (this.quitState === 'quit') return;
    this.quitState = 'quitting';
    this.app.emit('before-quit', preventableEvent());
    const willQuit = preventableEvent();
    this.app.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitState = 'running';
      return;
    }
    this.quitState = 'quit';
    this.app.emit('quit');
  }

  /** Invokes an `ipcMain.handle` channel as the main frame of `contents`. */
  async invoke(
    channel: string,
    contents: StandInWebContents,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (handler as (...a: unknown[]) => unknown)(
      { sender: contents, senderFrame: contents.mainFrame },
      ...args,
    );
  }

  /** Sends an `ipcMain.on` message as the main frame of `contents`. */
  sendFrom(channel: string, contents: StandInWebContents, ...args: unknown[]): void {
    this.ipcListeners.emit(channel, { sender: contents, senderFrame: contents.mainFrame }, ...args);
  }

  /** Requests a URL through a handler registered with `protocol.handle`. */
  async fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = this.protocolHandlers.get(scheme);
    if (!handler) throw new Error(`no protocol handler for ${scheme}`);
    return handler(new Request(url));
  }
}

interface StandInNotificationLike extends EventEmitter {
  shown: boolean;
  options: { title: string; body: string };
}
