import path from 'node:path';
import { startWebHostProcess, type WebHostProcess } from '../../e2e/support/web-host-process';

/**
 * Starts the soak's copy of the built web host against `dockerHost` (the soak's proxy to its
 * private daemon). `inspect` opens the loopback inspector (random port) so that the soak can read
 * the main process's heap.
 */
export async function startSoakHost(
  userDataDir: string,
  vaultDir: string,
  dockerHost: string,
  build: { hostRoot: string },
  inspect = false,
): Promise<WebHostProcess> {
  const env = {
    DOCKER_HOST: dockerHost,
    ...(inspect ? { NODE_OPTIONS: '--inspect=127.0.0.1:0' } : {}),
  };
  const rendererDir = path.join(build.hostRoot, 'out', 'renderer');
  return startWebHostProcess({
    userDataDir,
    vaultDir,
    root: build.hostRoot,
    env: { ...env, BERTH_RENDERER_DIR: rendererDir },
    startTimeoutMs: 90_000,
  });
}
