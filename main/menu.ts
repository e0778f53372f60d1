/**
 * Berth's native application menu, built from the shared menu model (`appMenu` in
 * main/contract/app.ts). Command items do not act in main: they send `app.command` to the renderer,
 * whose command registry runs them — the same registry that drives the web-mode menu bar.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { appMenu, AppCommand, type MenuEntry, type MenuSection } from './contract/app';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development build: adds Reload and Toggle Developer Tools. */
  isDev: boolean;
  /** Commands the renderer registered; others show disabled. `null` until the renderer reports. */
  available: ReadonlySet<string> | null;
  /** Sends a command to the renderer. */
  run(command: string): void;
}

function entryToItem(entry: MenuEntry, options: MenuOptions): MenuItemConstructorOptions | null {
  if (entry.kind === 'separator') return { type: 'separator' };
  if (entry.kind === 'role') {
    if (entry.devOnly && !options.isDev) return null;
    if (entry.role === 'quit' && options.platform === 'darwin') return null; // lives in the app menu on macOS
    return entry.label ? { role: entry.role, label: entry.label } : { role: entry.role };
  }
  return {
    id: entry.command,
    label: entry.label,
    ...(entry.accelerator ? { accelerator: entry.accelerator } : {}),
    enabled: options.available === null || options.available.has(entry.command),
    click: () => options.run(entry.command),
  };
}

/** Drops separators at the start and end and doubled ones left by removed items. */
function tidy(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  for (const item of items) {
    if (item.type === 'separator' && (out.length === 0 || out[out.length - 1]?.type === 'separator')) continue;
    out.push(item);
  }
  while (out[out.length - 1]?.type === 'separator') out.pop();
  return out;
}

function sectionToItem(section: MenuSection, options: MenuOptions): MenuItemConstructorOptions {
  let entries = section.entries;
  if (options.platform === 'darwin' && section.id === 'file') {
    entries = entries.filter((e) => !(e.kind === 'command' && e.command === AppCommand.settings));
  }
  if (options.platform === 'darwin' && section.id === 'help') {
    entries = entries.filter((e) => !(e.kind === 'command' && e.command === AppCommand.about));
  }
  const submenu = tidy(entries.map((e) => entryToItem(e, options)).filter((i): i is MenuItemConstructorOptions => i !== null));
  return { label: `&${section.label}`, ...(section.id === 'help' ? { role: 'help' as const } : {}), ...(section.id === 'window' ? { role: 'windowMenu' as const } : {}), submenu };
}

/** The menu template for this platform. On macOS About, Settings and Quit move to the app menu. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const sections = appMenu.map((section) => sectionToItem(section, options));
  if (options.platform !== 'darwin') return sections;
  const command = (id: string, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    enabled: options.available === null || options.available.has(id),
    click: () => options.run(id),
  });
  const appSection: MenuItemConstructorOptions = {
    label: 'Berth',
    submenu: [
      command(AppCommand.about, 'About Berth'),
      { type: 'separator' },
      command(AppCommand.settings, 'Settings…', 'CmdOrCtrl+,'),
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: 'Quit Berth' },
    ],
  };
  return [appSection, ...sections];
}
