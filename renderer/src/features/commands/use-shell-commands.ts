import { useEffect } from 'react';
import type { SettingsValue } from '@contract';
import { AppCommand, helpLinks } from '@contract/app-menu';
import { getApi } from '../../api';
import { registerCommand } from './command-registry';
import { focusPane } from './pane-focus';
import { showToast } from '../../ui/toasts';
import { openDialog } from './ui-state';

const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

/** The next zoom step up or down from the current factor. */
export function nextZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? ZOOM_STEPS[0]!;
}

async function updateSettings(change: (s: SettingsValue) => Partial<SettingsValue>): Promise<SettingsValue> {
  const api = getApi();
  const current = await api.call('settings.get', {});
  return api.call('settings.update', change(current));
}

async function togglePane(pane: 'sidebar' | 'dock'): Promise<void> {
  const next = await updateSettings((s) => ({
    hiddenPanes: s.hiddenPanes.includes(pane) ? s.hiddenPanes.filter((p) => p !== pane) : [...s.hiddenPanes, pane],
  }));
  const hidden = next.hiddenPanes.includes(pane);
  showToast({ tone: 'info', title: `${pane === 'sidebar' ? 'Sidebar' : 'Docker pane'} ${hidden ? 'hidden' : 'shown'}`, key: `pane-${pane}` }, 2000);
}

async function zoom(direction: 1 | -1 | 0): Promise<void> {
  const next = await updateSettings((s) => ({ zoom: direction === 0 ? 1 : nextZoom(s.zoom, direction) }));
  showToast({ tone: 'info', title: `Zoom ${Math.round(next.zoom * 100)}%`, key: 'zoom' }, 1500);
}

async function openLink(url: string): Promise<void> {
  await getApi().call('system.openExternal', { url });
  showToast({ tone: 'info', title: 'Opened in your browser', body: url }, 3000);
}

async function openLogs(): Promise<void> {
  const result = await getApi().call('app.openLogsFolder', {});
  showToast(
    result.opened
      ? { tone: 'ok', title: 'Opened the logs folder', body: result.path }
      : { tone: 'info', title: 'Berth’s logs are in', body: result.path, copy: result.path },
    result.opened ? 4000 : 15000,
  );
}

/** Registers the commands of the shell itself: settings, about, panes, zoom, focus, help. */
export function useShellCommands(): void {
  useEffect(() => {
    const disposers = [
      registerCommand({ id: AppCommand.settings, title: 'Settings', run: (section) => openDialog('settings', section) }),
      registerCommand({ id: AppCommand.about, title: 'About Berth', run: () => openDialog('about') }),
      registerCommand({ id: AppCommand.shortcuts, title: 'Keyboard Shortcuts', run: () => openDialog('shortcuts') }),
      registerCommand({ id: AppCommand.toggleSidebar, title: 'Toggle Sidebar', run: () => togglePane('sidebar') }),
      registerCommand({ id: AppCommand.toggleDock, title: 'Toggle Docker Pane', run: () => togglePane('dock') }),
      registerCommand({ id: AppCommand.zoomIn, title: 'Zoom In', run: () => zoom(1) }),
      registerCommand({ id: AppCommand.zoomOut, title: 'Zoom Out', run: () => zoom(-1) }),
      registerCommand({ id: AppCommand.zoomReset, title: 'Actual Size', run: () => zoom(0) }),
      registerCommand({ id: AppCommand.focusSidebar, title: 'Focus Sidebar', run: () => void focusPane('.sidebar'), enabled: () => Boolean(document.querySelector('.sidebar')) }),
      registerCommand({ id: AppCommand.focusNote, title: 'Focus Note', run: () => void focusPane('.center') }),
      registerCommand({ id: AppCommand.focusDock, title: 'Focus Docker Pane', run: () => void focusPane('.dock'), enabled: () => Boolean(document.querySelector('.dock')) }),
      registerCommand({ id: AppCommand.openLogs, title: 'Open Logs Folder', run: openLogs }),
      registerCommand({ id: AppCommand.docsDocker, title: 'Docker Documentation', run: () => openLink(helpLinks[AppCommand.docsDocker]) }),
      registerCommand({ id: AppCommand.docsCli, title: 'Docker CLI Reference', run: () => openLink(helpLinks[AppCommand.docsCli]) }),
      registerCommand({ id: AppCommand.docsDockerfile, title: 'Dockerfile Reference', run: () => openLink(helpLinks[AppCommand.docsDockerfile]) }),
    ];
    return () => disposers.forEach((dispose) => dispose());
  }, []);
}
