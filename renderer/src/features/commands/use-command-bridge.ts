import { useEffect } from 'react';
import { appMenu } from '@contract/app-menu';
import { getApi, useEvent } from '../../api';
import { matchesAccelerator } from './accelerator';
import { canRun, listCommands, onCommandError, runCommand, subscribeCommands } from './command-registry';
import { showToast } from '../../ui/toasts';

const nativeMenuCommands = new Set(appMenu.flatMap((s) => s.entries).flatMap((e) => (e.kind === 'command' ? [e.command] : [])));

/**
 * Connects the registry to the outside: runs `app.command` events (native menu, second launch),
 * binds keyboard shortcuts, reports the registered commands to the native menu, and turns command
 * failures into toasts. In the desktop app the native menu owns its accelerators, so only
 * shortcuts outside the menu are bound here.
 */
export function useCommandBridge(mode: 'electron' | 'web' | undefined): void {
  useEvent('app.command', ({ id, arg }) => {
    void runCommand(id, arg).then((ran) => {
      if (!ran) showToast({ tone: 'warn', title: 'Not available right now', body: `“${id}” has nothing to act on yet.` }, 3000);
    });
  });

  useEffect(
    () =>
      onCommandError((command, error) =>
        showToast({ tone: 'danger', title: `${command.title} failed`, body: error instanceof Error ? error.message : String(error) }),
      ),
    [],
  );

  useEffect(() => {
    if (!mode) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      for (const command of listCommands()) {
        if (!command.shortcut || (mode === 'electron' && nativeMenuCommands.has(command.id))) continue;
        if (!matchesAccelerator(event, command.shortcut)) continue;
        if (!canRun(command.id)) return;
        event.preventDefault();
        void runCommand(command.id);
        return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode]);

  useEffect(() => {
    if (mode !== 'electron') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const commands = listCommands().map((c) => c.id);
        void getApi().call('app.setAvailableCommands', { commands }).catch(() => undefined);
      }, 100);
    };
    report();
    const stop = subscribeCommands(report);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [mode]);
}
