import { useEffect } from 'react';
import { registerCommand, runCommand } from '../commands';
import { requestVolumeReveal } from './reveal-store';

/**
 * Always mounted by the shell: registers `volumes.reveal` (arg: a volume name), which opens the
 * Storage tab and selects that volume's detail.
 */
export function VolumesRevealHost() {
  useEffect(
    () =>
      registerCommand({
        id: 'volumes.reveal',
        title: 'Show Volume in Storage',
        run: async (name) => {
          if (name) requestVolumeReveal(name);
          await runCommand('shell.showDockTab', 'storage');
        },
      }),
    [],
  );
  return null;
}
