import type { ReactNode } from 'react';
import { AboutDialog } from './about-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { ToastRegion } from '../../ui/toast-region';
import { openDialog, useOpenDialog } from './ui-state';
import { useCommandBridge } from './use-command-bridge';
import { useDemoNotifications } from './use-demo-notifications';
import { useNavigationGuard } from './use-navigation-guard';
import { useShellCommands } from './use-shell-commands';
import { useZoomFromSettings } from './use-zoom';
import './commands.css';

/**
 * Mounted once by the shell: registers the shell's commands, connects the registry to the native
 * menu and the keyboard, applies the zoom, and shows the app dialogs and toasts. The settings
 * dialog belongs to the settings feature; the shell passes it in.
 */
export function CommandLayer({ settingsDialog }: { settingsDialog: (close: () => void) => ReactNode }) {
  // Known at once (no round trip), so shortcuts work from the first keystroke: the desktop app's
  // preload exposes window.api; web mode has none.
  const mode = 'api' in window ? 'electron' : 'web';
  useShellCommands();
  useCommandBridge(mode);
  useDemoNotifications(mode);
  useZoomFromSettings();
  useNavigationGuard();
  const dialog = useOpenDialog();
  const close = () => openDialog(null);
  return (
    <>
      {dialog === 'settings' && settingsDialog(close)}
      {dialog === 'about' && <AboutDialog onClose={close} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      <ToastRegion />
    </>
  );
}
