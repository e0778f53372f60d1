// Plain data, no schemas: the renderer imports this without building the contract's zod schemas.

/**
 * One entry of Berth's application menu. The same model drives the native menu (main/menu.ts)
 * and the in-window menu bar of web mode (renderer/src/features/commands/). A `command` item runs
 * the renderer command with that id (see `registerCommand`); a `role` item is a native-only
 * Electron role (edit, quit, dev tools…); `separator` draws a line.
 */
export type MenuEntry =
  | { kind: 'command'; command: string; label: string; accelerator?: string }
  | { kind: 'role'; role: NativeRole; label?: string; devOnly?: boolean }
  | { kind: 'separator' };

/** Electron menu roles Berth uses; they exist in the native menu only. */
export type NativeRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'togglefullscreen'
  | 'minimize'
  | 'close'
  | 'quit'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'front';

/** A top-level menu. `nativeOnly` menus (Edit, Window) are not shown in web mode, where the browser has them. */
export interface MenuSection {
  id: 'file' | 'edit' | 'view' | 'go' | 'window' | 'help';
  label: string;
  entries: MenuEntry[];
  nativeOnly?: boolean;
}

/** Ids of the commands Berth's own shell registers; other features add theirs (e.g. `vault.open`). */
export const AppCommand = {
  openVault: 'vault.openFolder',
  quickSwitcher: 'vault.quickSwitcher',
  search: 'vault.search',
  runDemo: 'demos.runCurrent',
  settings: 'app.settings',
  about: 'app.about',
  toggleSidebar: 'view.toggleSidebar',
  toggleDock: 'view.toggleDock',
  zoomIn: 'view.zoomIn',
  zoomOut: 'view.zoomOut',
  zoomReset: 'view.zoomReset',
  focusSidebar: 'go.focusSidebar',
  focusNote: 'go.focusNote',
  focusDock: 'go.focusDock',
  openLogs: 'help.openLogs',
  docsDocker: 'help.dockerDocs',
  docsCli: 'help.cliReference',
  docsDockerfile: 'help.dockerfileReference',
  shortcuts: 'help.shortcuts',
} as const;

const cmd = (command: string, label: string, accelerator?: string): MenuEntry =>
  accelerator ? { kind: 'command', command, label, accelerator } : { kind: 'command', command, label };
const sep: MenuEntry = { kind: 'separator' };

/** Berth's application menu, in order. Accelerators use Electron's syntax (`CmdOrCtrl+Shift+P`). */
export const appMenu: MenuSection[] = [
  {
    id: 'file',
    label: 'File',
    entries: [
      cmd(AppCommand.openVault, 'Open Vault…', 'CmdOrCtrl+Shift+O'),
      sep,
      cmd(AppCommand.settings, 'Settings…', 'CmdOrCtrl+,'),
      sep,
      { kind: 'role', role: 'quit', label: 'Quit Berth' },
    ],
  },
  {
    id: 'edit',
    label: 'Edit',
    nativeOnly: true,
    entries: [
      { kind: 'role', role: 'undo' },
      { kind: 'role', role: 'redo' },
      sep,
      { kind: 'role', role: 'cut' },
      { kind: 'role', role: 'copy' },
      { kind: 'role', role: 'paste' },
      { kind: 'role', role: 'selectAll' },
    ],
  },
  {
    id: 'view',
    label: 'View',
    entries: [
      cmd(AppCommand.toggleSidebar, 'Toggle Sidebar', 'CmdOrCtrl+B'),
      cmd(AppCommand.toggleDock, 'Toggle Docker Pane', 'CmdOrCtrl+J'),
      sep,
      cmd(AppCommand.zoomIn, 'Zoom In', 'CmdOrCtrl+='),
      cmd(AppCommand.zoomOut, 'Zoom Out', 'CmdOrCtrl+-'),
      cmd(AppCommand.zoomReset, 'Actual Size', 'CmdOrCtrl+0'),
      sep,
      { kind: 'role', role: 'togglefullscreen' },
      { kind: 'role', role: 'reload', devOnly: true },
      { kind: 'role', role: 'toggleDevTools', devOnly: true },
    ],
  },
  {
    id: 'go',
    label: 'Go',
    entries: [
      cmd(AppCommand.quickSwitcher, 'Quick Switcher…', 'CmdOrCtrl+O'),
      cmd(AppCommand.search, 'Search Notes…', 'CmdOrCtrl+Shift+F'),
      cmd(AppCommand.runDemo, 'Run Demo of This Note', 'CmdOrCtrl+Enter'),
      sep,
      cmd(AppCommand.focusSidebar, 'Focus Sidebar', 'CmdOrCtrl+1'),
      cmd(AppCommand.focusNote, 'Focus Note', 'CmdOrCtrl+2'),
      cmd(AppCommand.focusDock, 'Focus Docker Pane', 'CmdOrCtrl+3'),
    ],
  },
  {
    id: 'window',
    label: 'Window',
    nativeOnly: true,
    entries: [{ kind: 'role', role: 'minimize' }, { kind: 'role', role: 'close' }],
  },
  {
    id: 'help',
    label: 'Help',
    entries: [
      cmd(AppCommand.docsDocker, 'Docker Documentation'),
      cmd(AppCommand.docsCli, 'Docker CLI Reference'),
      cmd(AppCommand.docsDockerfile, 'Dockerfile Reference'),
      cmd(AppCommand.shortcuts, 'Keyboard Shortcuts', 'CmdOrCtrl+/'),
      sep,
      cmd(AppCommand.openLogs, 'Open Logs Folder'),
      sep,
      cmd(AppCommand.about, 'About Berth'),
    ],
  },
];

/** Links of the Help menu, by command id. */
export const helpLinks = {
  [AppCommand.docsDocker]: 'https://docs.docker.com/',
  [AppCommand.docsCli]: 'https://docs.docker.com/reference/cli/docker/',
  [AppCommand.docsDockerfile]: 'https://docs.docker.com/reference/dockerfile/',
} as const;
