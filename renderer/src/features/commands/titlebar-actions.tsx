import { AppCommand } from '@contract/app-menu';
import { useQuery } from '../../api';
import { formatAccelerator } from './accelerator';
import { DockIcon, GearIcon, SidebarIcon } from './command-icons';
import { getCommand, runCommand } from './command-registry';

function hint(id: string, title: string): string {
  const shortcut = getCommand(id)?.shortcut;
  return shortcut ? `${title} (${formatAccelerator(shortcut)})` : title;
}

/** The pane toggles and the settings button at the right of the titlebar. */
export function TitlebarActions() {
  const settings = useQuery('settings.get', {}, { invalidateOn: ['settings.changed'] });
  const hidden = settings.data?.hiddenPanes ?? [];
  return (
    <div className="titlebar-toggles">
      <button
        type="button"
        className="icon-btn"
        aria-pressed={!hidden.includes('sidebar')}
        aria-label="Show sidebar"
        title={hint(AppCommand.toggleSidebar, 'Toggle sidebar')}
        onClick={() => void runCommand(AppCommand.toggleSidebar)}
      >
        <SidebarIcon />
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-pressed={!hidden.includes('dock')}
        aria-label="Show Docker pane"
        title={hint(AppCommand.toggleDock, 'Toggle Docker pane')}
        onClick={() => void runCommand(AppCommand.toggleDock)}
      >
        <DockIcon />
      </button>
      <button type="button" className="icon-btn" aria-label="Settings" title={hint(AppCommand.settings, 'Settings')} onClick={() => void runCommand(AppCommand.settings)}>
        <GearIcon />
      </button>
    </div>
  );
}
