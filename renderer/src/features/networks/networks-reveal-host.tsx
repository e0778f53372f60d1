import { useEffect } from 'react';
import { registerCommand, runCommand } from '../commands';
import { requestReveal } from './reveal-store';

/**
 * Always mounted by the shell: registers `networks.reveal` (arg: a network id or name), which
 * opens the Networks tab and selects that network (removed ones show their story).
 */
export function NetworksRevealHost() {
  useEffect(
    () =>
      registerCommand({
        id: 'networks.reveal',
        title: 'Show Network',
        run: async (arg) => {
          if (arg) requestReveal(arg);
          await runCommand('shell.showDockTab', 'networks');
        },
      }),
    [],
  );
  return null;
}
