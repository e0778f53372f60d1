import { describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; url?: string; maximized: boolean }[] = [];
vi.mock('electron', () => ({
  app: { on: vi.fn() },
  session: {},
  shell: { openExternal: vi.fn() },
  nativeTheme: { shouldUseDarkColors: true },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  BrowserWindow: class {
    private readonly record: (typeof created)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, maximized: false };
      created.push(this.record);
    }
    maximize() {
      this.record.maximized = true;
    }
    readyListeners: (() => void)[] = [];
    once(_name: string, listener: () => void) {
      this.readyListeners.push(listener);
    }
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  },
}));

const { createMainWindow, visibleBounds } = await import('./window');

describe('main window', () => {
  it('opens with the secure preferences, on the app origin, with the remembered size', () => {
    const win = createMainWindow('/app/preload.cjs', {
      x: 100,
      y: 80,
      width: 1200,
      height: 800,
      maximized: true,
    }) as unknown as { readyListeners: (() => void)[] };
    const window = created.at(-1)!;
    expect(window.maximized).toBe(false);
    win.readyListeners.forEach((listener) => listener());
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1200, height: 800, show: false });
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.maximized).toBe(true);
    expect(window.url).toBe('app://berth/index.html');
  });

  it('forgets a position that is no longer on any screen, but keeps the size', () => {
    expect(visibleBounds({ x: 5000, y: 3000, width: 1000, height: 700, maximized: false })).toEqual(
      {
        x: undefined,
        y: undefined,
        width: 1000,
        height: 700,
        maximized: false,
      },
    );
    expect(
      visibleBounds({ x: 40, y: 40, width: 1000, height: 700, maximized: false }),
    ).toMatchObject({ x: 40, y: 40 });
    expect(visibleBounds(undefined)).toEqual({ width: 1440, height: 900, maximized: false });
  });
});
