import { describe, expect, it, vi } from 'vitest';
import { AppCommand } from '@contract/app-menu';
import { canRun, getCommand, onCommandError, registerCommand, runCommand, subscribeCommands } from './command-registry';

describe('command registry', () => {
  it('registers, runs with an argument, and removes a command', async () => {
    const run = vi.fn();
    const dispose = registerCommand({ id: 'test.hello', title: 'Hello', run });
    expect(await runCommand('test.hello', '/vault')).toBe(true);
    expect(run).toHaveBeenCalledWith('/vault');
    dispose();
    expect(getCommand('test.hello')).toBeUndefined();
    expect(await runCommand('test.hello')).toBe(false);
  });

  it('takes the shortcut of the shared menu model unless it brings its own', () => {
    const a = registerCommand({ id: AppCommand.quickSwitcher, title: 'Quick Switcher', run: () => undefined });
    expect(getCommand(AppCommand.quickSwitcher)?.shortcut).toBe('CmdOrCtrl+O');
    a();
    const b = registerCommand({ id: AppCommand.quickSwitcher, title: 'Quick Switcher', shortcut: 'CmdOrCtrl+K', run: () => undefined });
    expect(getCommand(AppCommand.quickSwitcher)?.shortcut).toBe('CmdOrCtrl+K');
    b();
  });

  it('does not run a disabled command', async () => {
    const run = vi.fn();
    const dispose = registerCommand({ id: 'test.disabled', title: 'Disabled', run, enabled: () => false });
    expect(canRun('test.disabled')).toBe(false);
    expect(await runCommand('test.disabled')).toBe(false);
    expect(run).not.toHaveBeenCalled();
    dispose();
  });

  it('reports a failing command instead of throwing', async () => {
    const seen: string[] = [];
    const stop = onCommandError((command, error) => seen.push(`${command.id}: ${(error as Error).message}`));
    const dispose = registerCommand({ id: 'test.fails', title: 'Fails', run: async () => Promise.reject(new Error('no vault open')) });
    expect(await runCommand('test.fails')).toBe(true);
    expect(seen).toEqual(['test.fails: no vault open']);
    dispose();
    stop();
  });

  it('a stale disposer does not remove a newer registration of the same id', () => {
    const first = registerCommand({ id: 'test.same', title: 'First', run: () => undefined });
    const second = registerCommand({ id: 'test.same', title: 'Second', run: () => undefined });
    first();
    expect(getCommand('test.same')?.title).toBe('Second');
    second();
  });

  it('notifies subscribers of changes', () => {
    const listener = vi.fn();
    const stop = subscribeCommands(listener);
    registerCommand({ id: 'test.notify', title: 'Notify', run: () => undefined })();
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
  });
});
