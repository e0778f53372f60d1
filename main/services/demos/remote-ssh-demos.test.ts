/**
 * Demos on an engine reached over SSH (a private sshd whose forced command is
 * `docker system dial-stdio` on a private dockerd): the demo image is built there over the SSH
 * connection, and a demo that bind-mounts a folder of the run works on a copy of that folder on
 * the engine's machine, says so, and removes the copy and its helpers.
 * Skipped, with the reason, where sshd is not installed (`.ci/run` installs openssh-server).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateDockerd } from '../../../e2e/support/private-dockerd';
import { hasSshd, PrivateSshd } from '../../../e2e/support/private-sshd';
import { DockerConnection } from '../docker/docker-connection';
import { resolveDockerEndpoint } from '../docker/resolve-endpoint';
import { silentLogger } from '../logging/logger';
import { findDemo } from './catalogue';
import { listLabelled } from './cleanup';
import { DemoService } from './demo-service';
import { ENGINE_STAGE_NOTE, ENGINE_STAGE_ROOT } from './engine-stage';

const sshdInstalled = hasSshd();
const historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-demos-'));
let daemon: PrivateDockerd;
let sshd: PrivateSshd;
let connection: DockerConnection;
let service: DemoService;

beforeAll(async () => {
  if (!sshdInstalled) return;
  daemon = new PrivateDockerd('berth-ssh-demos');
  await daemon.start();
  sshd = new PrivateSshd(`docker -H ${daemon.host} system dial-stdio`);
  await sshd.start();
  fs.writeFileSync(path.join(sshd.clientHome, '.ssh', 'known_hosts'), `${sshd.knownHostsLine()}\n`);
  const env = { DOCKER_HOST: `ssh://root@127.0.0.1:${sshd.port}` };
  connection = new DockerConnection({
    resolveEndpoint: () => resolveDockerEndpoint({ env, platform: 'linux', homeDir: sshd.clientHome }),
    log: silentLogger,
  });
  connection.start();
  for (let waited = 0; connection.status.state !== 'connected'; waited += 100) {
    if (waited > 30_000) throw new Error(`engine over SSH: ${connection.status.message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  service = new DemoService({
    docker: () => connection.requireClient('streaming'),
    historyDir,
    log: silentLogger,
    catalogue: [findDemo('bind-mount-two-way')!],
  });
}, 120_000);

afterAll(async () => {
  service?.dispose();
  await connection?.stop();
  await sshd?.stop();
  await daemon?.stop();
  fs.rmSync(historyDir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!sshdInstalled)('demos on an engine over SSH (skipped: sshd is not installed)', () => {
  it(
    "runs a bind-mount demo on a copy of its folder on the engine's machine, and removes the copy",
    { timeout: 180_000 },
    async () => {
      const record = await service.wait(service.start('bind-mount-two-way').runId);
      const failed = record.steps.find((s) => s.status === 'failed');
      expect(record.status, `${record.reason ?? ''} ${failed?.cli ?? ''} ${failed?.error ?? ''}`).toBe('passed');
      expect(record.cleanup?.status).toBe('done');
      expect(record.steps.some((s) => s.explain?.includes(ENGINE_STAGE_NOTE))).toBe(true);
      expect(record.steps.some((s) => s.cli.includes(`${ENGINE_STAGE_ROOT}/${record.runId}/`))).toBe(true);
      expect(await listLabelled(connection.requireClient(), [`berth.run=${record.runId}`])).toEqual({ container: [], network: [], volume: [], image: [] });
      // The private daemon shares this machine's /tmp, so the copy's removal can be checked here.
      expect(fs.existsSync(path.join(ENGINE_STAGE_ROOT, record.runId))).toBe(false);
      // The demo image exists on that engine only because Berth built it there, over SSH.
      expect(daemon.docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}')).toContain('berth-busybox:1.36-local');
    },
  );
});
