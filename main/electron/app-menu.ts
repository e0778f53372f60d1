import { app, Menu } from 'electron';
import type { Publish } from '../contract';
import { buildMenuTemplate } from '../menu';

/** Installs the native menu and rebuilds it when the renderer reports which commands exist. */
export function installAppMenu(publish: Publish): { setAvailable(commands: string[]): void } {
  let available: Set<string> | null = null;
  const install = () => {
    const template = buildMenuTemplate({
      platform: process.platform,
      isDev: !app.isPackaged,
      available,
      run: (id) => publish('app.command', { id }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  install();
  return {
    setAvailable(commands) {
      const next = new Set(commands);
      if (available && next.size === available.size && [...next].every((c) => available!.has(c)))
        return;
      available = next;
      install();
    },
  };
}
