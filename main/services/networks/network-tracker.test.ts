import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Disposer } from '../../contract';
import { DockerConnection } from '../docker/docker-connection';
import type { DockerEvent } from '../docker/docker-event';
import { resolveLocalEndpoint } from '../docker/resolve-endpoint';
import { silentLogger } from '../logging/logger';
import { readHostSide } from './host-side';
import { NetworkLineageStore } from './network-lineage-store';
import { NetworkTracker, type NetworkTrackerConnection } from './network-tracker';
import { reachabilityOf } from './reachability';

const prefix = `berth-nt-${process.pid}-`;
const IMAGE = 'berth-busybox:1.36-local';
const docker = (...args: string[]) =>
  execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const label = ['--label', 'berth.owner=test'];

/** The real connection, with a switch that drops events as if Berth were disconnected. */
function gatedConnection(real: DockerConnection) {
  let open = true;
  const connected: ((info: { reconnect: boolean }) => void)[] = [];
  const connection: NetworkTrackerConnection = {
    onEvent: (cb) => real.onEvent((e: DockerEvent) => open && cb(e)),
    onConnected: (cb): Disposer => {
      connected.push(cb as never);
      return real.onConnected(cb);
    },
    onStatus: (cb) => real.onStatus(cb),
    requireClient: (kind) => real.requireClient(kind),
    get status() {
      return real.status;
    },
  };
  return {
    connection,
    disconnect: () => (open = false),
    reconnect: () => {
      open = true;
      for (const cb of connected) cb({ reconnect: true });
    },
  };
}

let dir: string;
let real: DockerConnection;
let gate: ReturnType<typeof gatedConnection>;
let tracker: NetworkTracker;
let changes: number;

function cleanup(): void {
  const ids = docker(
    'ps',
    '-aq',
    '--filter',
    'label=berth.owner=test',
    '--filter',
    `name=${prefix}`,
  )
    .split('\n')
    .filter(Boolean);
  if (ids.length) docker('rm', '-f', ...ids);
  const nets = docker('network', 'ls', '-q', '--filter', `name=${prefix}`)
    .split('\n')
    .filter(Boolean);
  for (const n of nets) docker('network', 'rm', n);
}

function makeTracker(): NetworkTracker {
  changes = 0;
  const t = new NetworkTracker({
    connection: gate.connection,
    store: new NetworkLineageStore({
      file: path.join(dir, 'net.json'),
      log: silentLogger,
      writeDelayMs: 5,
    }),
    log: silentLogger,
    onChanged: () => changes++,
  });
  t.start();
  return t;
}

async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const net = (name: string) =>
  tracker.snapshot().networks.find((n) => n.name === name && n.state !== 'removed');

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-nt-'));
  real = new DockerConnection({ resolveEndpoint: () => resolveLocalEndpoint(), log: silentLogger });
  gate = gatedConnection(real);
  tracker = makeTracker();
  real.start();
  await until(() => tracker.snapshot().reconciledAt > 0, 'first reconcile');
});

afterEach(async () => {
  await tracker.stop();
  await real.stop();
  cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterAll(cleanup);

describe('NetworkTracker against the real dockerd', () => {
  it('follows create, connect, disconnect, rm and prune, each state matching Docker', async () => {
    const app = `${prefix}app`;
    const web = `${prefix}web`;
    docker('network', 'create', ...label, '--subnet', '10.231.7.0/24', app);
    await until(() => net(app)?.state === 'created', 'created');
    expect(net(app)?.subnets).toEqual([{ subnet: '10.231.7.0/24', gateway: '10.231.7.1' }]);
    expect(net(app)?.id).toBe(docker('network', 'inspect', '-f', '{{.Id}}', app));

    docker(
      'run',
      '-d',
      ...label,
      '--name',
      web,
      '--network',
      app,
      '--network-alias',
      'www',
      '-p',
      '127.0.0.1::80',
      IMAGE,
      'sleep',
      '300',
    );
    await until(() => net(app)?.state === 'in-use', 'in-use');
    const endpoint = net(app)!.endpoints[0]!;
    expect(endpoint.ipv4).toBe(
      docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${app}").IPAddress}}`, web),
    );
    expect(endpoint.aliases).toEqual(['www']);
    expect(endpoint.ports[0]).toMatchObject({
      hostIp: '127.0.0.1',
      containerPort: 80,
      proto: 'tcp',
    });
    expect(endpoint.ports[0]!.hostPort).toBe(Number(docker('port', web, '80').split(':').pop()));

    docker('network', 'connect', 'bridge', web);
    await until(
      () => Boolean(net('bridge')?.endpoints.some((e) => e.containerName === web)),
      'connect to bridge',
    );
    const reach = reachabilityOf(tracker.snapshot().networks, web);
    expect(reach?.containerName).toBe(web);

    docker('network', 'disconnect', app, web);
    await until(() => net(app)?.state === 'unused', 'unused');
    expect(net(app)?.endpoints).toEqual([]);

    docker('network', 'rm', app);
    await until(() => !net(app), 'removed');
    const story = tracker
      .lineage(app)
      .map((e) => `${e.action}${e.containerName ? ` ${e.containerName}` : ''}`);
    expect(story).toEqual([
      'created',
      `connected ${web}`,
      'created → in-use',
      `disconnected ${web}`,
      'in-use → unused',
      'unused → removed',
    ]);

    const pruned = `${prefix}pruned`;
    docker('network', 'create', ...label, pruned);
    await until(() => net(pruned)?.state === 'created', 'pruned network created');
    docker('network', 'prune', '-f', '--filter', 'label=berth.owner=test');
    await until(() => !net(pruned), 'pruned');
    expect(tracker.snapshot().networks.find((n) => n.name === pruned)?.state).toBe('removed');
    const live = tracker
      .snapshot()
      .networks.filter((n) => n.state !== 'removed')
      .map((n) => n.id)
      .sort();
    expect(live).toEqual(docker('network', 'ls', '-q', '--no-trunc').split('\n').sort());
  });

  it('after a reconnect matches docker network ls and keeps the story of both networks of one name', async () => {
    const name = `${prefix}again`;
    docker('network', 'create', ...label, name);
    await until(() => Boolean(net(name)), 'first network');
    const firstId = net(name)!.id;
    gate.disconnect();
    docker('network', 'rm', name);
    docker('network', 'create', ...label, name);
    await new Promise((r) => setTimeout(r, 200));
    expect(net(name)?.id).toBe(firstId);
    gate.reconnect();
    await until(() => net(name)?.id !== firstId, 'reconcile after reconnect');
    await tracker.whenIdle();
    const secondId = docker('network', 'inspect', '-f', '{{.Id}}', name);
    expect(net(name)?.id).toBe(secondId);
    const live = tracker
      .snapshot()
      .networks.filter((n) => n.state !== 'removed')
      .map((n) => n.id)
      .sort();
    expect(live).toEqual(docker('network', 'ls', '-q', '--no-trunc').split('\n').sort());
    const story = tracker.lineage(name);
    expect(story.filter((e) => e.networkId === firstId).map((e) => e.action)).toEqual([
      'created',
      'created → removed',
    ]);
    expect(story.filter((e) => e.networkId === secondId).map((e) => e.action)).toEqual(['created']);
    expect(story.filter((e) => e.networkId === secondId)[0]?.reconciled).toBe(true);

    // A restart reads the stored picture back: nothing is retold, the removed one is still there.
    await tracker.stop();
    tracker = makeTracker();
    await until(() => tracker.snapshot().reconciledAt > 0, 'reconcile after restart');
    expect(tracker.lineage(name)).toHaveLength(3);
    expect(
      tracker
        .snapshot()
        .networks.filter((n) => n.name === name)
        .map((n) => n.state)
        .sort(),
    ).toEqual(['created', 'removed']);
  });

  it('reads the engine host’s bridges and matches each veth to its container', async () => {
    const app = `${prefix}veth`;
    docker('network', 'create', ...label, app);
    const c = `${prefix}vethc`;
    docker('run', '-d', ...label, '--name', c, '--network', app, IMAGE, 'sleep', '300');
    await until(() => net(app)?.state === 'in-use', 'in use');
    const side = await readHostSide(real.requireClient(), tracker.snapshot().networks);
    expect(side.available).toBe(true);
    const bridge = side.interfaces.find((i) => i.networkName === app)!;
    expect(bridge.kind).toBe('bridge');
    expect(bridge.name).toBe(`br-${net(app)!.id.slice(0, 12)}`);
    const veth = side.interfaces.find((i) => i.containerName === c)!;
    expect(veth.kind).toBe('veth');
    expect(veth.master).toBe(bridge.name);
    const inside = docker('exec', c, 'cat', '/sys/class/net/eth0/ifindex');
    expect(veth.peerIndex).toBe(Number(inside));
    expect(veth.containerInterface).toBe('eth0');
    expect(side.interfaces.find((i) => i.name === 'docker0')?.networkName).toBe('bridge');
    // This process's helpers only: other test files may run helpers at the same time.
    expect(
      docker(
        'ps',
        '-aq',
        '--filter',
        'label=berth.owner=helper',
        '--filter',
        `label=berth.pid=${process.pid}`,
      ),
    ).toBe('');
    const missing = await readHostSide(real.requireClient(), [], 'berth-no-such-image:0');
    expect(missing.available).toBe(false);
    expect(missing.reason).toMatch(/missing/);
  });
});
