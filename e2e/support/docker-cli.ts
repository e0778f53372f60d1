import { execFileSync } from 'node:child_process';

/** Runs the docker CLI against the default daemon and returns its trimmed output (throws on failure). */
export const docker = (...args: string[]): string =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Like `docker`, for clean-up: a failure (already gone) is ignored. */
export const tryDocker = (...args: string[]): void => {
  try {
    docker(...args);
  } catch {
    // already gone
  }
};
