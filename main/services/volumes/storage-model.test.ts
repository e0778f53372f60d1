import fs from 'node:fs';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { LifecycleState, StorageItem } from '../../contract/volumes';
import type { DockerEvent } from '../docker/docker-event';
import { containerFactsFrom, volumeFactsFrom } from './storage-facts';
import { bindItemId, tmpfsItemId, volumeItemId } from './item-ids';
import { StorageModel } from './storage-model';

interface RecordedStep {
  label: string;
  events: DockerEvent[];
  volumes: Dockerode.VolumeInspectInfo[];
  containers: Dockerode.ContainerInspectInfo[];
}
interface Recording {
  bindDir: string;
  names: { volume: string; web: string; tmp: string };
  steps: RecordedStep[];
}

/** Recorded from a real dockerd 20.10 by fixtures/record-fixtures.ts. */
const recording = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'lifecycle-sequence.json'), 'utf8'),
) as Recording;
const { names, bindDir } = recording;

function step(label: string): RecordedStep {
  const found = recording.steps.find((s) => s.label === label);
  if (!found) throw new Error(`no recorded step ${label}`);
  return found;
}

const webId = step('run with named, tmpfs, bind and anonymous').containers.find(
  (c) => c.Name === `/${names.web}`,
)!.Id;
const tmpId = step('run second with anonymous').containers.find(
  (c) => c.Name === `/${names.tmp}`,
)!.Id;
const anonOf = (containerId: string) =>
  step('run second with anonymous')
    .containers.find((c) => c.Id === containerId)!
    .Mounts.find((m) => m.Type === 'volume' && /^[0-9a-f]{64}$/.test(m.Name ?? ''))!.Name!;
const webAnon = anonOf(webId);
const tmpAnon = anonOf(tmpId);

/** Applies a step the way the tracker does: events first, then targeted re-inspection of their actors. */
function replayTargeted(model: StorageModel, s: RecordedStep): void {
  let full = false;
  const containers = new Set<string>();
  const volumes = new Set<string>();
  for (const event of s.events) {
    model.recordEvent(event);
    if (event.Action === 'prune') full = true;
    else if (event.Type === 'container') containers.add(event.Actor.ID);
    else if (event.Type === 'volume') {
      volumes.add(event.Actor.ID);
      if (event.Actor.Attributes.container) containers.add(event.Actor.Attributes.container);
    }
  }
  if (full) {
    model.replaceAll(s.volumes.map(volumeFactsFrom), s.containers.map(containerFactsFrom));
    return;
  }
  for (const id of containers) {
    const info = s.containers.find((c) => c.Id === id);
    if (info) model.setContainer(containerFactsFrom(info));
    else model.removeContainer(id);
    for (const m of info?.Mounts ?? []) if (m.Name) volumes.add(m.Name);
  }
  for (const name of volumes) {
    const info = s.volumes.find((v) => v.Name === name);
    if (info) model.setVolume(volumeFactsFrom(info));
    else model.removeVolume(name);
  }
}

function replayReconciled(model: StorageModel, s: RecordedStep): void {
  for (const event of s.events) model.recordEvent(event);
  model.replaceAll(s.volumes.map(volumeFactsFrom), s.containers.map(containerFactsFrom));
}

const expected: Record<string, Record<string, LifecycleState>> = {
  'create named volume': { [volumeItemId(names.volume)]: 'created' },
  'run with named, tmpfs, bind and anonymous': {
    [volumeItemId(names.volume)]: 'mounted',
    [volumeItemId(webAnon)]: 'mounted',
    [bindItemId(bindDir)]: 'mounted',
    [tmpfsItemId(webId, '/scratch')]: 'mounted',
  },
  'run second with anonymous': { [volumeItemId(tmpAnon)]: 'mounted' },
  'stop first': {
    [volumeItemId(names.volume)]: 'unmounted',
    [volumeItemId(webAnon)]: 'unmounted',
    [bindItemId(bindDir)]: 'unmounted',
    [tmpfsItemId(webId, '/scratch')]: 'removed',
    [volumeItemId(tmpAnon)]: 'mounted',
  },
  'start first again': {
    [volumeItemId(names.volume)]: 'mounted',
    [volumeItemId(webAnon)]: 'mounted',
    [bindItemId(bindDir)]: 'mounted',
    [tmpfsItemId(webId, '/scratch')]: 'mounted',
  },
  'stop first again': {
    [volumeItemId(names.volume)]: 'unmounted',
    [tmpfsItemId(webId, '/scratch')]: 'removed',
  },
  'rm first': {
    [volumeItemId(names.volume)]: 'dangling',
    [volumeItemId(webAnon)]: 'dangling',
    [bindItemId(bindDir)]: 'removed',
    [tmpfsItemId(webId, '/scratch')]: 'removed',
  },
  'rm -fv second': { [volumeItemId(tmpAnon)]: 'removed', [volumeItemId(webAnon)]: 'dangling' },
  'prune by label': {
    [volumeItemId(names.volume)]: 'removed',
    [volumeItemId(webAnon)]: 'dangling',
  },
};

function statesOf(model: StorageModel): Record<string, LifecycleState> {
  return Object.fromEntries(model.list().map((i) => [i.id, i.state]));
}

describe('StorageModel replaying a recorded dockerd sequence', () => {
  for (const [mode, replay] of [
    ['targeted re-inspection', replayTargeted],
    ['reconcile by listing', replayReconciled],
  ] as const) {
    it(`reaches the right state after every step (${mode})`, () => {
      let t = 1_000;
      const model = new StorageModel({
        now: () => (t += 10),
        hostPathExists: (p) => p === bindDir,
      });
      for (const s of recording.steps) {
        replay(model, s);
        model.commit({ reconciled: mode === 'reconcile by listing' });
        const states = statesOf(model);
        for (const [id, state] of Object.entries(expected[s.label] ?? {})) {
          expect({ step: s.label, id, state: states[id] }).toEqual({ step: s.label, id, state });
        }
      }
    });
  }

  it('classifies every kind and keeps the bind host path and tmpfs options', () => {
    const model = new StorageModel({ hostPathExists: () => true });
    for (const s of recording.steps.slice(0, 2)) replayTargeted(model, s);
    model.commit();
    const byId = new Map(model.list().map((i) => [i.id, i]));
    expect(byId.get(volumeItemId(names.volume))?.kind).toBe('named');
    expect(byId.get(volumeItemId(names.volume))?.berthOwner).toBe('test');
    expect(byId.get(volumeItemId(webAnon))?.kind).toBe('anonymous');
    const bind = byId.get(bindItemId(bindDir));
    expect(bind).toMatchObject({ kind: 'bind', name: bindDir, hostPathExists: true });
    expect(bind?.uses[0]).toMatchObject({
      containerName: names.web,
      destination: '/host',
      rw: false,
      mode: 'ro',
    });
    expect(byId.get(tmpfsItemId(webId, '/scratch'))).toMatchObject({
      kind: 'tmpfs',
      name: '/scratch',
      tmpfsOptions: 'size=1m',
    });
  });

  it('remembers the container that created an anonymous volume after it is gone, and across sessions', () => {
    const model = new StorageModel();
    for (const s of recording.steps) replayTargeted(model, s);
    model.commit();
    const anon = model.get(volumeItemId(webAnon));
    expect(anon?.createdBy).toEqual({ containerId: webId, containerName: names.web });
    expect(anon?.uses).toEqual([]);

    // A new session that starts from listing alone still knows, thanks to the remembered memory.
    const next = new StorageModel({ memory: model.memory() });
    const last = recording.steps.at(-1)!;
    next.replaceAll(last.volumes.map(volumeFactsFrom), last.containers.map(containerFactsFrom));
    next.commit({ reconciled: true });
    expect(next.get(volumeItemId(webAnon))).toMatchObject({
      state: 'dangling',
      createdBy: { containerName: names.web },
    });
  });

  it('writes a history of events and state changes with container, destination and mode', () => {
    const model = new StorageModel();
    const lineage = recording.steps.flatMap((s) => {
      replayTargeted(model, s);
      return model.commit().lineage;
    });
    const anon = lineage.filter((e) => e.itemId === volumeItemId(webAnon));
    expect(anon.map((e) => e.action)).toEqual([
      'volume create',
      'volume mount',
      'mounted',
      'container die',
      'volume unmount',
      'container stop',
      'mounted → unmounted',
      'volume mount',
      'container start',
      'unmounted → mounted',
      'container die',
      'volume unmount',
      'container stop',
      'mounted → unmounted',
      'container destroy',
      'unmounted → dangling',
    ]);
    const mount = anon.find((e) => e.action === 'volume mount');
    expect(mount).toMatchObject({ containerId: webId, destination: '/data', rw: true });
    const seqs = lineage.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const tmpfs = lineage
      .filter((e) => e.itemId === tmpfsItemId(webId, '/scratch') && e.type === 'state')
      .map((e) => e.to);
    expect(tmpfs).toEqual(['mounted', 'removed', 'mounted', 'removed']);
  });

  it('reports only items that changed, and nothing when facts repeat', () => {
    const model = new StorageModel();
    const first = recording.steps[1]!;
    replayReconciled(model, first);
    expect(model.commit().upserts.length).toBeGreaterThanOrEqual(4);
    model.replaceAll(first.volumes.map(volumeFactsFrom), first.containers.map(containerFactsFrom));
    expect(model.commit()).toMatchObject({ upserts: [], stateChanges: 0 });
  });

  it('bounds the removed items it keeps visible and says which it dropped', () => {
    const model = new StorageModel({ maxRemovedItems: 3 });
    for (let i = 0; i < 10; i++) {
      model.setVolume({
        name: `v${i}`,
        driver: 'local',
        scope: 'local',
        mountpoint: '',
        labels: {},
        options: {},
      });
    }
    model.commit();
    for (let i = 0; i < 10; i++) model.removeVolume(`v${i}`);
    const changes = model.commit();
    expect(changes.dropped).toHaveLength(7);
    expect(model.list().filter((i: StorageItem) => i.state === 'removed')).toHaveLength(3);
    expect(changes.upserts.every((u) => !changes.dropped.includes(u.id))).toBe(true);
  });
  it("leaves Berth's own content-browser helpers out of the story", () => {
    const model = new StorageModel();
    model.setVolume({
      name: 'data',
      driver: 'local',
      scope: 'local',
      mountpoint: '',
      labels: {},
      options: {},
    });
    model.commit();
    const helperLabels = { 'berth.owner': 'helper', 'berth.volume': 'data' };
    const at = 1_700_000_000_000_000_000;
    model.recordEvent({
      Type: 'container',
      Action: 'create',
      Actor: { ID: 'h1', Attributes: { ...helperLabels, name: 'peek' } },
      time: 1,
      timeNano: at,
    });
    model.recordEvent({
      Type: 'volume',
      Action: 'mount',
      Actor: {
        ID: 'data',
        Attributes: { container: 'h1', destination: '/volume', 'read/write': 'false' },
      },
      time: 1,
      timeNano: at,
    });
    model.setContainer({
      id: 'h1',
      name: 'peek',
      state: 'running',
      running: true,
      created: 1,
      labels: helperLabels,
      mounts: [
        {
          type: 'volume',
          name: 'data',
          source: '',
          destination: '/volume',
          mode: 'ro',
          rw: false,
          propagation: '',
        },
      ],
    });
    const changes = model.commit();
    expect(changes.lineage).toEqual([]);
    expect(model.get(volumeItemId('data'))).toMatchObject({ state: 'created', uses: [] });
  });
});
