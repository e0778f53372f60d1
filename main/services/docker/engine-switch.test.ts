/**
 * Switching engines live against two real engines: the shared dockerd and Podman's
 * Docker-compatible socket (started by scripts/ensure-podman.sh). Storage state never mixes
 * engines, a demo run in progress finishes on the engine it started on, and the run history is
 * per engine. Skipped, with the reason, where podman is not installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { StorageDelta } from '../../contract/volumes';
import { DemoService } from '../demos/demo-service';
import type { RunEvent } from '../demos/run-types';
import { silentLogger } from '../logging/logger';
import { SettingsService } from '../settings/settings-service';
import { confStoreFactory } from '../settings/store-factory';
import { VolumesService } from '../volumes/volumes-service';
import { DockerService } from './docker-service';
import { EngineService } from './engine-service';

const root = path.resolve(import.meta.dirname, '../../..');
const hasPodman = spawnSync('podman', ['--version']).status === 0;
const podmanUrl = hasPodman
  ? spawnSync('bash', [path.join(root, 'scripts/ensure-podman.sh')], { encoding: 'utf8' }).stdout.trim().split('\n').pop() ?? ''
  : '';
const ready = hasPodman && podmanUrl.startsWith('unix://');
const dockerClient = new Dockerode();
const podmanClient = new Dockerode({ socketPath: podmanUrl.slice('unix://'.length) });
const suffix = Math.random().toString(36).slice(2, 8);
const dockerVolume = `berth-switch-docker-${suffix}`;
const podmanVolume = `berth-switch-podman-${suffix}`;
const labels = { 'berth.owner': 'test', 'berth.test': 'engine-switch' };
const stops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  await dockerClient.getVolume(dockerVolume).remove().catch(() => {});
  if (ready) await podmanClient.getVolume(podmanVolume).remove().catch(() => {});
});

let debug: (() => unknown) | undefined;
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${String(debug?.())})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!ready)('switching between Docker and Podman live (skipped: podman is not installed or its socket did not start)', () => {
  it('moves the connection and the storage view, lets a running demo finish on Docker, and keeps run history per engine', { timeout: 300_000 }, async (ctx) => {
    const started = Date.now();
    await podmanClient.version();
    const slow = Date.now() - started;
    if (slow > 5000) ctx.skip(`Podman took ${slow} ms to answer /version: the machine is too loaded for a live switch test`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-switch-'));
    const settings = new SettingsService(confStoreFactory(dataDir));
    const deltas: StorageDelta[] = [];
    const runEvents: RunEvent[] = [];
    const publish = () => {};
    const engines = new EngineService({
      settings,
      env: { DOCKER_CONFIG: path.join(dataDir, 'no-docker-config') },
      platform: process.platform,
      homeDir: dataDir,
      publish,
      log: silentLogger,
      moveConnection: (sameEngine) => (sameEngine ? docker.reconnect() : docker.switchEngine()),
    });
    const docker = new DockerService({ resolveEndpoint: () => engines.resolveEndpoint(), publish, log: silentLogger, backoffMs: [200, 500], requestTimeoutMs: 30_000 });
    const volumes = new VolumesService({ connection: docker.connection, engine: engines, publishDelta: (d) => deltas.push(d), log: silentLogger, userDataDir: dataDir });
    const demos = new DemoService({
      docker: () => docker.connection.requireClient('streaming'),
      historyDir: path.join(dataDir, 'demo-runs'),
      log: silentLogger,
      engine: engines,
      onRunEvent: (event) => runEvents.push(event),
    });
    stops.push(() => docker.stop(), () => volumes.stop(), () => demos.dispose());
    // Podman answers /version and /info slowly on a loaded machine (tens of seconds with other podman clients busy).
    const on = async (product: string) =>
      until(`a connection to ${product}`, () => docker.status().state === 'connected' && (docker.status().engine?.product ?? '').startsWith(product), 100_000);
    const volumeIds = () => volumes.snapshot().items.filter((i) => i.id.startsWith('volume:') && i.state !== 'removed').map((i) => i.name);

    debug = () => JSON.stringify({ ids: volumeIds(), status: docker.status().state, message: docker.status().message, detail: docker.status().detail, key: engines.key() });
    volumes.start();
    docker.start();
    await on('docker');
    await dockerClient.createVolume({ Name: dockerVolume, Labels: labels });
    await until('the Docker volume in the storage view', () => volumeIds().includes(dockerVolume));

    // A step-through run parks before its first step: it started on Docker.
    const run = demos.start('anonymous-volume-dangling', { stepThrough: true });
    await until('the run waiting for its first step', () => runEvents.some((e) => e.type === 'waiting' && e.runId === run.runId));

    // Made before the switch: Podman 4.3 sends no `volume create` event, the listing at connect finds it.
    await podmanClient.createVolume({ Name: podmanVolume, Labels: labels });
    engines.saveEndpoint({ name: 'Podman', url: podmanUrl });
    engines.switchTo('saved:Podman');
    expect(engines.key()).toBe(podmanUrl);
    await on('podman');
    await until('Podman’s volume (and none of Docker’s) in the storage view', () => volumeIds().includes(podmanVolume) && !volumeIds().includes(dockerVolume));
    expect(deltas.some((d) => d.dropped.includes(`volume:${dockerVolume}`))).toBe(true);

    // Walk the run to its end while Berth shows Podman: it stays on Docker.
    const drive = setInterval(() => {
      const live = demos.getRun(run.runId);
      if (live.waitingFor === 'step') {
        try {
          demos.advance(run.runId);
        } catch {
          // busy with a step
        }
      } else if (live.waitingFor === 'cleanup') void demos.cleanUp(run.runId);
    }, 50);
    const record = await demos.wait(run.runId).finally(() => clearInterval(drive));
    expect(record.status).toBe('passed');
    expect(record.engine).toBe('unix:///var/run/docker.sock');
    expect(record.events?.some((e) => e.type === 'container' && e.action === 'create')).toBe(true);
    const onPodman = await podmanClient.listContainers({ all: true, filters: JSON.stringify({ label: [`berth.run=${run.runId}`] }) });
    expect(onPodman).toEqual([]);

    // The history is per engine: Podman's is empty, Docker's has the run.
    expect(demos.listRuns().map((r) => r.runId)).not.toContain(run.runId);
    engines.switchTo('automatic');
    await on('docker');
    expect(demos.listRuns().map((r) => r.runId)).toContain(run.runId);
    await until('Docker’s volume back (and Podman’s gone) in the storage view', () => volumeIds().includes(dockerVolume) && !volumeIds().includes(podmanVolume));
  });
});
