/**
 * Berth against a real Podman (Debian's podman 4.3, `podman system service`): it connects through
 * the Docker-compatible socket and says it is talking to Podman. Skipped, with the reason, where
 * podman is not installed (`.ci/run` installs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { DockerConnection } from './docker-connection';
import { optionsForUrl } from './resolve-endpoint';

const hasPodman = spawnSync('podman', ['--version']).status === 0;
const socket = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-podman-')), 'podman.sock');
let service: ChildProcess | undefined;
let connection: DockerConnection | undefined;

afterAll(async () => {
  await connection?.stop();
  service?.kill('SIGTERM');
});

describe.skipIf(!hasPodman)(
  'Podman’s Docker-compatible API (skipped: podman is not installed)',
  () => {
    it('connects and names the engine Podman in its status', { timeout: 60_000 }, async () => {
      service = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], {
        stdio: 'ignore',
      });
      for (let i = 0; i < 100 && !fs.existsSync(socket); i++)
        await new Promise((r) => setTimeout(r, 100));
      const url = `unix://${socket}`;
      connection = new DockerConnection({
        resolveEndpoint: () => ({ url, source: 'DOCKER_HOST', ...optionsForUrl(url) }),
        log: silentLogger,
        backoffMs: [200, 500],
      });
      connection.start();
      const status = await new Promise<typeof connection.status>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`not connected: ${connection!.status.message}`)),
          30_000,
        );
        const check = () => {
          if (connection!.status.state === 'connected') {
            clearTimeout(timer);
            resolve(connection!.status);
          }
        };
        connection!.onStatus(check);
        check();
      });
      expect(status.engine?.product).toBe('podman');
      expect(status.message).toMatch(/^Connected to Podman \d/);
    });
  },
);
