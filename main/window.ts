import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ORIGIN, secureWebPreferences } from './security';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Keeps a remembered window position only if it is still on a screen. */
export function visibleBounds(state: WindowState | undefined): WindowState {
  const fallback = { width: 1440, height: 900, maximized: false };
  if (!state) return fallback;
  if (state.x === undefined || state.y === undefined) return { ...fallback, ...state };
  const onScreen = screen
    .getAllDisplays()
    .some(
      ({ workArea }) =>
        state.x! >= workArea.x - 50 &&
        state.y! >= workArea.y - 50 &&
        state.x! < workArea.x + workArea.width - 100 &&
        state.y! < workArea.y + workArea.height - 100,
    );
  return onScreen ? state : { ...state, x: undefined, y: undefined };
}

/** Creates Berth's main window with the secure defaults and loads the UI from the app protocol. */
export function createMainWindow(preload: string, state: WindowState | undefined): BrowserWindow {
  const bounds = visibleBounds(state);
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Berth',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f7f8',
    // The essentials are repeated literally so static audits (npm run security:audit) see them here.
    webPreferences: {
      ...secureWebPreferences(preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // maximize() shows a hidden window at once (Linux, Windows): wait for the first paint.
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** The window's current state, for remembering between runs. */
export function captureWindowState(win: BrowserWindow): WindowState {
  const { x, y, width, height } = win.getNormalBounds();
  return { x, y, width, height, maximized: win.isMaximized() };
}
