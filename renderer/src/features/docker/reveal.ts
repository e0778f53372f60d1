import { getCommand, runCommand, showToast } from '../commands';

/** Opens a volume in the Storage view (the volumes feature registers `volumes.reveal`). */
export function revealVolume(name: string): void {
  void runCommand('volumes.reveal', name).then((ran) => {
    if (!ran)
      showToast({
        tone: 'warn',
        title: 'The Storage view is not available',
        body: `Run docker volume inspect ${name}`,
      });
  });
}

/** True when the networking feature can show a network itself. */
export function canRevealNetwork(): boolean {
  return Boolean(getCommand('networks.reveal'));
}

/** Opens a network in the networking feature's view. */
export function revealNetwork(name: string): void {
  void runCommand('networks.reveal', name);
}
