/**
 * Demos on a remote engine: a private dockerd reached only over tcp://127.0.0.1 with --tlsverify
 * (certificates made by openssl here), through Berth's own endpoint resolution and connection.
 * The demo image is built on that engine from a context sent over the API (there is no registry),
 * build demos send their contexts the same way, and every run cleans up after itself there.
 * Demos that bind-mount a folder of the run copy it to the engine's machine through a helper
 * container (the engine is remote, so this machine's folder is not there), and say so: their own test.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateDockerd } from '../../../e2e/support/private-dockerd';
import { generateTestCerts, type TestCerts } from '../../../e2e/support/test-certs';
import { DockerConnection } from '../docker/docker-connection';
import { resolveDockerEndpoint } from '../docker/resolve-endpoint';
import { silentLogger } from '../logging/logger';
import { builtInCatalogue } from './catalogue';
import { listLabelled } from './cleanup';
import { BaseImageResolver } from './base-image';
import { ENGINE_STAGE_NOTE, ENGINE_STAGE_ROOT, EngineStage, usesRunFolderBinds } from './engine-stage';
import { sweepLeftovers } from './sweep';
import { DemoService } from './demo-service';
import type { RunRecord } from './run-types';

const catalogue = builtInCatalogue();

let certs: TestCerts;
let daemon: PrivateDockerd;
let connection: DockerConnection;
let service: DemoService;
const historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-remote-demos-'));

/**
 * Demos that depend on the test daemon's network set-up rather than on the engine being remote:
 * the private dockerd runs with --iptables=false and its own bridge (so the shared daemon is never
 * disturbed), so traffic between its containers and to published ports is filtered by the host's
 * FORWARD rules, and its bridge is not called docker0 / 172.17.0.1 as these demos expect.
 */
const PRIVATE_DAEMON_NETWORKING = new Set([
  'bridge-dns',
  'user-network-isolation',
  'bridge-gateway-route',
  'veth-pair',
  'published-port',
  'host-docker-internal',
  // Looks at /var/lib/docker/volumes; the private daemon keeps its data under its own --data-root.
  'volume-mountpoint',
]);

/** Demos that need nothing of this machine: no host folder, no compose plugin, no dummy link. */
const remoteReady = catalogue.filter(
  (demo) =>
    !demo.requires && !usesRunFolderBinds(demo) && !PRIVATE_DAEMON_NETWORKING.has(demo.id),
);

/** Demos that bind-mount a folder of the run: staged on the engine's machine. */
const stagedDemos = catalogue.filter((demo) => usesRunFolderBinds(demo));

beforeAll(async () => {
  certs = generateTestCerts();
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  daemon = new PrivateDockerd('berth-tls-demos', [
    '-H',
    `tcp://127.0.0.1:${port}`,
    '--tlsverify',
    '--tlscacert',
    certs.server.ca,
    '--tlscert',
    certs.server.cert,
    '--tlskey',
    certs.server.key,
  ]);
  await daemon.stop();
  await daemon.start();
  const env = {
    DOCKER_HOST: `tcp://127.0.0.1:${port}`,
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: certs.clientDir,
  };
  connection = new DockerConnection({
    resolveEndpoint: () => resolveDockerEndpoint({ env, platform: 'linux', homeDir: os.tmpdir() }),
    log: silentLogger,
  });
  connection.start();
  for (let waited = 0; connection.status.state !== 'connected'; waited += 100) {
    if (waited > 10_000) throw new Error(`remote engine: ${connection.status.message}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  service = new DemoService({
    docker: () => connection.requireClient('streaming'),
    historyDir,
    log: silentLogger,
    catalogue: [...remoteReady, ...stagedDemos],
    maxConcurrent: 2,
  });
}, 90_000);

afterAll(async () => {
  service?.dispose();
  await connection?.stop();
  await daemon?.stop();
  fs.rmSync(historyDir, { recursive: true, force: true });
  if (certs) fs.rmSync(certs.root, { recursive: true, force: true });
}, 60_000);

function explain(record: RunRecord): string {
  const failed = record.steps.find((s) => s.status === 'failed');
  return `${record.demoId}: ${record.status} ${record.reason ?? ''}\n${failed ? `${failed.cli}\n${failed.output.map((o) => o.text).join('')}` : ''}`;
}

describe('demos on a remote engine over TCP + TLS', () => {
  it(
    'runs every demo that needs no host folder, with the image and build contexts sent over the API, and leaves nothing behind',
    { timeout: 300_000 },
    async () => {
      expect(remoteReady.length).toBeGreaterThan(10);
      expect(remoteReady.some((demo) => JSON.stringify(demo).includes('"kind":"build"'))).toBe(
        true,
      );
      const records = await Promise.all(
        remoteReady.map((demo) => service.wait(service.start(demo.id).runId)),
      );
      const failed = records.filter((r) => r.status !== 'passed');
      if (failed.length) console.log(failed.map((r) => explain(r).split('\n')[0]).join('\n'));
      for (const record of records) {
        expect(record.status, explain(record)).toBe('passed');
        expect(record.cleanup?.status).toBe('done');
      }

      const docker = connection.requireClient();
      for (const record of records) {
        expect(await listLabelled(docker, [`berth.run=${record.runId}`]), record.demoId).toEqual({
          container: [],
          network: [],
          volume: [],
          image: [],
        });
      }
      // The demo image exists on the remote engine only because Berth built it there.
      expect(daemon.docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}')).toContain(
        'berth-busybox:1.36-local',
      );
    },
  );

  it(
    "runs the bind-mount demos on a copy of their folder on the engine's machine, says so, and removes the copy",
    { timeout: 120_000 },
    async () => {
      expect(stagedDemos.map((d) => d.id).sort()).toEqual(['bind-mount-two-way', 'mount-hides-image-files']);
      const records = await Promise.all(stagedDemos.map((demo) => service.wait(service.start(demo.id).runId)));
      const docker = connection.requireClient();
      for (const record of records) {
        expect(record.status, explain(record)).toBe('passed');
        expect(record.cleanup?.status).toBe('done');
        expect(record.steps.some((s) => s.explain?.includes(ENGINE_STAGE_NOTE))).toBe(true);
        expect(record.steps.some((s) => s.cli.includes(`${ENGINE_STAGE_ROOT}/${record.runId}/`))).toBe(true);
        // The helpers and the copy are gone (the private daemon shares this machine's /tmp, so it can be checked here).
        expect(await listLabelled(docker, [`berth.run=${record.runId}`]), record.demoId).toEqual({ container: [], network: [], volume: [], image: [] });
        expect(fs.existsSync(path.join(ENGINE_STAGE_ROOT, record.runId))).toBe(false);
      }
    },
  );

  it("removes the folder a killed Berth's run left on the engine's machine", { timeout: 120_000 }, async () => {
    const docker = connection.requireClient();
    const runId = `killedstage${Date.now().toString(36)}`;
    const labels = { 'berth.owner': 'demo', 'berth.run': runId, 'berth.pid': '999999', 'berth.host': os.hostname() };
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-killed-stage-'));
    fs.mkdirSync(path.join(workDir, 'site'));
    fs.writeFileSync(path.join(workDir, 'site', 'index.html'), '<h1>staged</h1>\n');
    const { image } = await new BaseImageResolver().resolve(docker);
    await new EngineStage(docker, runId, workDir, image, labels).push('site');
    expect(fs.existsSync(path.join(ENGINE_STAGE_ROOT, runId, 'site', 'index.html'))).toBe(true);
    // Berth is killed here: the stage is never disposed. The next start's sweep finds the run.
    const report = await sweepLeftovers(docker, { isAlive: (pid) => pid !== 999999 });
    expect(report.runs).toContain(runId);
    expect(fs.existsSync(path.join(ENGINE_STAGE_ROOT, runId))).toBe(false);
    expect(await listLabelled(docker, [`berth.run=${runId}`])).toEqual({ container: [], network: [], volume: [], image: [] });
    fs.rmSync(workDir, { recursive: true, force: true });
  });
});
