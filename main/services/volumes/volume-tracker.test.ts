import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LifecycleState, StorageDelta } from '../../contract/volumes';
import { DockerConnection } from '../docker/docker-connection';
import { resolveLocalEndpoint } from '../docker/resolve-endpoint';
import { silentLogger } from '../logging/logger';
import { LineageStore } from './lineage-store';
import { bindItemId, tmpfsItemId, volumeItemId } from './item-ids';
import { dockerCli, eventually, removeTestResources } from './test-support';
import { VolumeTracker, type TrackerConnection } from './volume-tracker';

const prefix = `berth-vt-${process.pid}-`;
let dir: string;
let connection: DockerConnection;
let tracker: VolumeTracker;
let deltas: StorageDelta[];
const anonymous: string[] = [];

function start(): void {
  connection = new DockerConnection({
    resolveEndpoint: () => resolveLocalEndpoint(),
    log: silentLogger,
  });
  deltas = [];
  tracker = new VolumeTracker({
    connection,
    store: new LineageStore({
      file: path.join(dir, 'lineage.json'),
      log: silentLogger,
      writeDelayMs: 10,
    }),
    log: silentLogger,
    publishDelta: (d) => deltas.push(d),
  });
  tracker.start();
  connection.start();
}

const stateOf = (id: string): LifecycleState | undefined =>
  tracker.snapshot().items.find((i) => i.id === id)?.state;
const waitState = (id: string, state: LifecycleState) =>
  eventually(() => stateOf(id) === state, 8000, `${id} to be ${state} (is ${stateOf(id)})`);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-vt-'));
  start();
});

afterEach(async () => {
  await tracker.stop();
  await connection.stop();
  removeTestResources(prefix, anonymous.splice(0));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('VolumeTracker against the real dockerd', () => {
  it('follows named, anonymous, bind and tmpfs storage through a container lifecycle', async () => {
    await eventually(() => tracker.snapshot().reconciledAt > 0, 8000, 'first reconcile');
    const named = `${prefix}named`;
    const bindDir = fs.mkdtempSync(path.join(dir, 'bind-'));
    dockerCli('volume', 'create', '--label', 'berth.owner=test', named);
    await waitState(volumeItemId(named), 'created');

    const web = `${prefix}web`;
    const id = dockerCli(
      'run',
      '-d',
      '--network',
      'none',
      '--name',
      web,
      '--label',
      'berth.owner=test',
      '-v',
      `${named}:/named`,
      '--tmpfs',
      '/scratch',
      '-v',
      `${bindDir}:/host:ro`,
      '-v',
      '/data',
      'berth-busybox:1.36-local',
      'sleep',
      '600',
    );
    const anon = JSON.parse(dockerCli('inspect', '--format', '{{json .Mounts}}', web)).find(
      (m: { Destination: string }) => m.Destination === '/data',
    ).Name as string;
    anonymous.push(anon);
    await waitState(volumeItemId(named), 'mounted');
    await waitState(volumeItemId(anon), 'mounted');
    await waitState(bindItemId(bindDir), 'mounted');
    await waitState(tmpfsItemId(id, '/scratch'), 'mounted');
    const snapshot = tracker.snapshot();
    expect(snapshot.items.find((i) => i.id === bindItemId(bindDir))).toMatchObject({
      kind: 'bind',
      hostPathExists: true,
    });
    expect(snapshot.items.find((i) => i.id === volumeItemId(anon))).toMatchObject({
      kind: 'anonymous',
      createdBy: { containerName: web },
    });

    dockerCli('stop', '-t', '0', web);
    await waitState(tmpfsItemId(id, '/scratch'), 'removed');
    await waitState(volumeItemId(named), 'unmounted');
    await waitState(bindItemId(bindDir), 'unmounted');

    dockerCli('rm', web);
    await waitState(volumeItemId(anon), 'dangling');
    await waitState(volumeItemId(named), 'dangling');
    expect(tracker.item(volumeItemId(anon))?.createdBy?.containerName).toBe(web);

    dockerCli('volume', 'prune', '-f', '--filter', 'label=berth.owner=test');
    await waitState(volumeItemId(named), 'removed');
    expect(stateOf(volumeItemId(anon))).toBe('dangling');

    const history = tracker.lineage(volumeItemId(anon));
    expect(history.find((e) => e.action === 'volume mount')).toMatchObject({
      containerName: web,
      destination: '/data',
      rw: true,
    });
    expect(history.filter((e) => e.type === 'state').map((e) => e.to)).toEqual([
      'mounted',
      'unmounted',
      'dangling',
    ]);
    // Changes reach the listener in batches, never one message per Docker event.
    const eventsSeen = deltas.reduce((n, d) => n + d.events.length, 0);
    expect(deltas.length).toBeLessThan(eventsSeen);
  });

  it('ends equal to docker volume ls after a burst, and remembers across restarts', async () => {
    await eventually(() => tracker.snapshot().reconciledAt > 0, 8000, 'first reconcile');
    const names = Array.from({ length: 200 }, (_, i) => `${prefix}burst-${i}`);
    await Promise.all(
      names.map((n) =>
        connection.requireClient().createVolume({ Name: n, Labels: { 'berth.owner': 'test' } }),
      ),
    );
    await eventually(
      () => names.every((n) => stateOf(volumeItemId(n)) === 'created'),
      8000,
      'burst to appear',
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)}: ${JSON.stringify(names.map((n) => stateOf(volumeItemId(n))))} ${connection.status.state}`,
      );
    });
    const listed = new Set(dockerCli('volume', 'ls', '-q').split('\n').filter(Boolean));
    const live = new Set(
      tracker
        .snapshot()
        .items.filter((i) => i.volume && i.state !== 'removed')
        .map((i) => i.name),
    );
    expect([...live].sort()).toEqual([...listed].sort());

    const anonOwner = `${prefix}owner`;
    dockerCli(
      'create',
      '--network',
      'none',
      '--name',
      anonOwner,
      '--label',
      'berth.owner=test',
      '-v',
      '/cache',
      'berth-busybox:1.36-local',
    );
    const anon = JSON.parse(dockerCli('inspect', '--format', '{{json .Mounts}}', anonOwner))[0]
      .Name as string;
    anonymous.push(anon);
    await waitState(volumeItemId(anon), 'attached');
    dockerCli('rm', anonOwner);
    await waitState(volumeItemId(anon), 'dangling');

    await tracker.stop();
    await connection.stop();
    start();
    await eventually(() => tracker.snapshot().reconciledAt > 0, 8000, 'reconcile after restart');
    expect(tracker.item(volumeItemId(anon))).toMatchObject({
      state: 'dangling',
      createdBy: { containerName: anonOwner },
    });
    expect(tracker.lineage(volumeItemId(anon)).length).toBeGreaterThan(0);
  });
});

describe('VolumeTracker when Docker is busy', () => {
  it('tries a failed batch again while still connected', async () => {
    const real = new DockerConnection({
      resolveEndpoint: () => resolveLocalEndpoint(),
      log: silentLogger,
    });
    real.start();
    await eventually(() => real.status.state === 'connected', 8000, 'connection');
    let failures = 1;
    const flaky: TrackerConnection = {
      status: real.status,
      onEvent: () => () => {},
      onConnected: () => () => {},
      onStatus: () => () => {},
      requireClient: () => {
        if (failures-- > 0) throw new Error('Docker is not answering (timeout)');
        return real.requireClient();
      },
    };
    const busy = new VolumeTracker({
      connection: flaky,
      store: new LineageStore({ file: path.join(dir, 'busy.json'), log: silentLogger }),
      log: silentLogger,
      publishDelta: () => {},
    });
    busy.start();
    try {
      await eventually(() => busy.snapshot().reconciledAt > 0, 5000, 'a reconcile after the retry');
      expect(failures).toBeLessThan(0);
    } finally {
      await busy.stop();
      await real.stop();
    }
  });
});
