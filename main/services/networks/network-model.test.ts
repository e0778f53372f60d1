import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerNetFactsFrom, networkFactsFrom } from './network-facts';
import { NetworkModel } from './network-model';
import { reachabilityOf } from './reachability';

/** Raw Docker answers after each step of a real CLI sequence (recorded on Engine 20.10). */
interface RecordedStep {
  step: string;
  networks: Parameters<typeof networkFactsFrom>[0][];
  bridge: Parameters<typeof networkFactsFrom>[0];
  containers: Parameters<typeof containerNetFactsFrom>[0][];
}
const steps = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures', 'cli-sequence.json'), 'utf8'),
) as RecordedStep[];

function replay(model: NetworkModel, step: RecordedStep, reconciled = false) {
  return model.replaceAll(
    [...step.networks, step.bridge].map(networkFactsFrom),
    step.containers.map(containerNetFactsFrom),
    reconciled,
  );
}
const stepNamed = (name: string) => steps.find((s) => s.step === name)!;

describe('NetworkModel on a recorded CLI sequence', () => {
  it('tells the story: created, in use, connected, disconnected, unused, removed', () => {
    let clock = 1000;
    const model = new NetworkModel({ now: () => clock++ });
    const story: string[] = [];
    for (const step of steps) {
      const { lineage } = replay(model, step);
      for (const e of lineage)
        if (e.networkName === 'rec-app')
          story.push(`${step.step}: ${e.action}${e.containerName ? ` ${e.containerName}` : ''}`);
    }
    expect(story).toEqual([
      'network create: created',
      'run web on app: connected rec-web',
      'run web on app: created → in-use',
      'connect db to app: connected rec-db',
      'disconnect web: disconnected rec-web',
      'stop db: disconnected rec-db',
      'stop db: in-use → unused',
      'network rm: unused → removed',
    ]);
    const removed = model.list().find((n) => n.name === 'rec-app');
    expect(removed?.state).toBe('removed');
    expect(removed?.endpoints).toEqual([]);
  });

  it('shows endpoints with IP, MAC, aliases, DNS names and published ports', () => {
    const model = new NetworkModel();
    replay(model, stepNamed('connect db to app'));
    const app = model.find('rec-app')!;
    expect(app.state).toBe('in-use');
    expect(app.dns.byName).toBe(true);
    expect(app.subnets[0]?.subnet).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    const web = app.endpoints.find((e) => e.containerName === 'rec-web')!;
    expect(web.ipv4).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(web.mac).toMatch(/^02:42:/);
    expect(web.aliases).toEqual(['web']);
    expect(web.dnsNames).toEqual(['rec-web', 'web', web.containerId.slice(0, 12)]);
    expect(web.ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: 18081, containerPort: 80, proto: 'tcp' },
    ]);
    const db = app.endpoints.find((e) => e.containerName === 'rec-db')!;
    expect(db.aliases).toEqual(['database']);
    const bridge = model.find('bridge')!;
    expect(bridge.builtIn).toBe(true);
    expect(bridge.dns.byName).toBe(false);
    expect(bridge.dns.explanation).toMatch(/only by IP/);
    expect(bridge.endpoints.find((e) => e.containerName === 'rec-db')?.dnsNames).toEqual([]);
  });

  it('answers who can reach whom: by name on the user network, by IP only on the default bridge', () => {
    const model = new NetworkModel();
    replay(model, stepNamed('connect db to app'));
    const reach = reachabilityOf(model.list(), 'rec-db')!;
    const viaApp = reach.routes.find((r) => r.networkName === 'rec-app')!;
    expect(viaApp.peerName).toBe('rec-web');
    expect(viaApp.names).toContain('rec-db');
    expect(viaApp.names).toContain('database');
    const web = reachabilityOf(model.list(), 'rec-web')!;
    expect(web.routes.map((r) => r.peerName)).toEqual(['rec-db']);
    expect(web.routes[0]?.names).toEqual(['rec-web', 'web', web.containerId.slice(0, 12)]);
    // On the default bridge alone (before the connect) rec-db is reachable by IP only.
    const before = new NetworkModel();
    replay(before, stepNamed('run db on bridge'));
    const onBridge = reachabilityOf(before.list(), 'rec-db')!;
    for (const route of onBridge.routes.filter((r) => r.networkName === 'bridge')) {
      expect(route.names).toEqual([]);
      expect(route.explanation).toMatch(/Only by IP/);
    }
    expect(reachabilityOf(model.list(), 'no-such-container')).toBeNull();
  });

  it('after a restart tells only what changed while Berth was away, marked reconciled', () => {
    const first = new NetworkModel();
    replay(first, stepNamed('run web on app'));
    const memory = first.memory();
    const second = new NetworkModel({ memory });
    expect(replay(second, stepNamed('run web on app'), true).lineage).toEqual([]);
    const { lineage } = replay(second, stepNamed('network rm'), true);
    const app = lineage.filter((e) => e.networkName === 'rec-app');
    expect(app.map((e) => e.action)).toEqual(['disconnected', 'in-use → removed']);
    expect(app.every((e) => e.reconciled)).toBe(true);
  });

  it('keeps both networks when one is removed and created again under the same name', () => {
    const model = new NetworkModel();
    const created = stepNamed('network create');
    replay(model, created);
    const again = {
      ...created,
      networks: created.networks.map((n) => ({ ...n, Id: `f${(n.Id ?? '').slice(1)}` })),
    };
    replay(model, again, true);
    const both = model.list().filter((n) => n.name === 'rec-app');
    expect(both.map((n) => n.state).sort()).toEqual(['created', 'removed']);
    expect(model.find('rec-app')?.state).toBe('created');
  });
});
