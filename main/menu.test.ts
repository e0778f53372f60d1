import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appMenu, AppCommand } from './contract/app';
import { buildMenuTemplate, type MenuOptions } from './menu';

const options = (over: Partial<MenuOptions> = {}): MenuOptions => ({ platform: 'linux', isDev: false, available: null, run: vi.fn(), ...over });
const items = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const all = (template: MenuItemConstructorOptions[]) => template.flatMap((m) => (m.submenu ?? []) as MenuItemConstructorOptions[]);

describe('native menu', () => {
  it('has File, Edit, View, Go, Window and Help with the usual shortcuts', () => {
    const template = buildMenuTemplate(options());
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Go', '&Window', '&Help']);
    const byId = new Map(all(template).filter((i) => i.id).map((i) => [i.id, i]));
    expect(byId.get(AppCommand.openVault)?.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(byId.get(AppCommand.quickSwitcher)?.accelerator).toBe('CmdOrCtrl+O');
    expect(byId.get(AppCommand.search)?.accelerator).toBe('CmdOrCtrl+Shift+F');
    expect(byId.get(AppCommand.runDemo)?.accelerator).toBe('CmdOrCtrl+Enter');
    expect(byId.get(AppCommand.zoomIn)?.accelerator).toBe('CmdOrCtrl+=');
    expect(byId.get(AppCommand.zoomOut)?.accelerator).toBe('CmdOrCtrl+-');
    expect(byId.get(AppCommand.zoomReset)?.accelerator).toBe('CmdOrCtrl+0');
    expect(byId.get(AppCommand.toggleSidebar)?.accelerator).toBe('CmdOrCtrl+B');
    expect(byId.has(AppCommand.about)).toBe(true);
    expect(byId.has(AppCommand.openLogs)).toBe(true);
    expect(items(template, '&Edit').map((i) => i.role)).toEqual(['undo', 'redo', undefined, 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('sends command items to the renderer instead of acting in main', () => {
    const run = vi.fn();
    const template = buildMenuTemplate(options({ run }));
    const settings = all(template).find((i) => i.id === AppCommand.settings)!;
    (settings.click as () => void)();
    expect(run).toHaveBeenCalledWith(AppCommand.settings);
  });

  it('offers Reload and Developer Tools only in development', () => {
    const roles = (isDev: boolean) => items(buildMenuTemplate(options({ isDev })), '&View').map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    const view = items(buildMenuTemplate(options()), '&View');
    expect(view.at(-1)?.type).not.toBe('separator');
  });

  it('disables commands the renderer has not registered', () => {
    const template = buildMenuTemplate(options({ available: new Set([AppCommand.settings]) }));
    const byId = new Map(all(template).filter((i) => i.id).map((i) => [i.id, i]));
    expect(byId.get(AppCommand.settings)?.enabled).toBe(true);
    expect(byId.get(AppCommand.runDemo)?.enabled).toBe(false);
  });

  it('follows macOS conventions: an app menu with About, Settings and Quit', () => {
    const template = buildMenuTemplate(options({ platform: 'darwin' }));
    expect(template[0]?.label).toBe('Berth');
    const appItems = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(appItems.map((i) => i.id ?? i.role)).toEqual(expect.arrayContaining([AppCommand.about, AppCommand.settings, 'quit', 'hide']));
    expect(items(template, '&File').some((i) => i.id === AppCommand.settings || i.role === 'quit')).toBe(false);
  });

  it('is the same model as the web menu bar: every command of appMenu appears once', () => {
    const commands = appMenu.flatMap((s) => s.entries).flatMap((e) => (e.kind === 'command' ? [e.command] : []));
    const ids = all(buildMenuTemplate(options())).map((i) => i.id).filter(Boolean);
    expect(new Set(ids)).toEqual(new Set(commands));
    expect(ids).toHaveLength(commands.length);
  });
});
