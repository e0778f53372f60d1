/**
 * Berth's one command registry. Every feature registers what it can do; the native menu (through
 * `app.command` events), the web-mode menu bar, keyboard shortcuts and the shortcuts sheet all run
 * commands from here.
 *
 *   registerCommand({ id: 'vault.quickSwitcher', title: 'Quick Switcher', run: () => open() })
 *
 * A command whose id appears in the shared menu model (`appMenu` in main/contract/app.ts) gets that
 * item's shortcut unless it gives its own.
 */
import { appMenu } from '@contract/app-menu';
import type { Disposer } from '@contract';

export interface Command {
  /** `<feature>.<verb>`, e.g. `vault.quickSwitcher`. */
  id: string;
  /** What the menu and the shortcuts sheet show. */
  title: string;
  /** Electron accelerator syntax, e.g. `CmdOrCtrl+Shift+F`. */
  shortcut?: string;
  /** Runs the command; `arg` comes from the caller (e.g. a vault path from a second launch). */
  run: (arg?: string) => void | Promise<void>;
  /** Returns false when the command cannot run right now (its menu item shows disabled). */
  enabled?: () => boolean;
}

type Listener = () => void;

const menuShortcuts = new Map(
  appMenu.flatMap((section) => section.entries).flatMap((entry) => (entry.kind === 'command' && entry.accelerator ? [[entry.command, entry.accelerator] as const] : [])),
);

const commands = new Map<string, Command>();
const listeners = new Set<Listener>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** Registers a command; returns a disposer that removes it (a later registration of the same id wins). */
export function registerCommand(command: Command): Disposer {
  const shortcut = command.shortcut ?? menuShortcuts.get(command.id);
  const entry: Command = shortcut ? { ...command, shortcut } : command;
  commands.set(command.id, entry);
  changed();
  return () => {
    if (commands.get(command.id) === entry) {
      commands.delete(command.id);
      changed();
    }
  };
}

/** The registered command with this id. */
export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

/** All registered commands, by id. */
export function listCommands(): Command[] {
  return [...commands.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** True when the command exists and may run now. */
export function canRun(id: string): boolean {
  const command = commands.get(id);
  return Boolean(command && (command.enabled?.() ?? true));
}

/**
 * Runs a command by id. Resolves false when it is not registered or disabled; errors of the
 * command are reported through `onCommandError` listeners and never thrown to the caller.
 */
export async function runCommand(id: string, arg?: string): Promise<boolean> {
  const command = commands.get(id);
  if (!command || !(command.enabled?.() ?? true)) return false;
  try {
    await command.run(arg);
  } catch (error) {
    for (const listener of errorListeners) listener(command, error);
  }
  return true;
}

const errorListeners = new Set<(command: Command, error: unknown) => void>();

/** Hears failures of commands (the shell shows them as toasts). */
export function onCommandError(listener: (command: Command, error: unknown) => void): Disposer {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/** Subscribes to registrations (for useSyncExternalStore). */
export function subscribeCommands(listener: Listener): Disposer {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Changes whenever the set of commands changes (for useSyncExternalStore). */
export function commandsVersion(): number {
  return version;
}
