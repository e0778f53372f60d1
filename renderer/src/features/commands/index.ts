/** The commands feature: one registry for the native menu, the web menu bar and shortcuts. */
export { registerCommand, runCommand, getCommand, listCommands, type Command } from './command-registry';
export { showToast } from '../../ui/toasts';
export { CommandLayer } from './command-layer';
export { MenuBar } from './menu-bar';
export { useDialogSection } from './ui-state';
export { TitlebarActions } from './titlebar-actions';
