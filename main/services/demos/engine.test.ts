import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { RpcFailure } from '../../contract/errors';
import { silentLogger } from '../logging/logger';
import { BaseImageResolver } from './base-image';
import { loadCatalogue } from './catalogue';
import { listLabelled } from './cleanup';
import { DemoService } from './demo-service';
import type { RunEvent } from './run-types';
import { sweepLeftovers } from './sweep';

const docker = new Dockerode();
const EMPTY = { container: [], network: [], volume: [], image: [] };
const services: DemoService[] = [];

function makeService(extra: Partial<ConstructorParameters<typeof DemoService>[0]> = {}, events: RunEvent[] = []): DemoService {
  const service = new DemoService({
    docker: () => docker,
    historyDir: fs.mkdtempSync(path.join(os.tmpdir(), 'berth-demo-engine-')),
    log: silentLogger,
    onRunEvent: (e) => events.push(e),
    ...extra,
  });
  services.push(service);
  return service;
}

afterAll(async () => {
  await Promise.all(services.map((s) => s.dispose()));
});

const failing = loadCatalogue([
  {
    id: 'always-fails',
    title: 'A demo whose claim is wrong',
    summary: 'Expects exit code 0 from a command that exits 3.',
    topic: 'Runtime',
    note: 'Test.md',
    network: 'none',
    steps: [
      { title: 'Create a volume', action: { kind: 'volume-create', volume: 'v' } },
      { title: 'Exit 3', action: { kind: 'run', container: 'c', mounts: [{ type: 'volume', source: 'v', target: '/v' }], cmd: ['sh', '-c', 'echo to-stdout; echo to-stderr >&2; exit 3'] }, expect: [{ exitCode: 0 }] },
      { title: 'Never reached', action: { kind: 'volume-list' }, expect: [{ count: 0 }] },
    ],
  },
]);

describe('demo engine against the real dockerd', () => {
  it('fails a step with the reason, the expected and the actual, separates stdout from stderr, and cleans up', async () => {
    const events: RunEvent[] = [];
    const service = makeService({ catalogue: failing }, events);
    const record = await service.wait(service.start('always-fails').runId);
    expect(record.status).toBe('failed');
    const step = record.steps[1]!;
    expect(step.status).toBe('failed');
    expect(step.expectations[0]).toMatchObject({ passed: false, expected: '0', actual: '3' });
    expect(step.error).toBe('Expected 0, got 3');
    expect(step.output).toEqual(expect.arrayContaining([{ stream: 'stdout', text: 'to-stdout\n' }, { stream: 'stderr', text: 'to-stderr\n' }]));
    expect(record.steps[2]?.status).toBe('skipped');
    expect(record.cleanup?.status).toBe('done');
    expect(record.cleanup?.removed.container.length).toBe(1);
    expect(record.cleanup?.removed.volume.length).toBe(1);
    expect(await listLabelled(docker, [`berth.run=${record.runId}`])).toEqual(EMPTY);
    // The run published the resource names it created, for the lifecycle view.
    const published = events.filter((e) => e.type === 'resources').at(-1);
    expect(published?.type === 'resources' && published.resources.volume[0]).toContain(record.runId);
    expect(events.some((e) => e.type === 'docker-event' && e.event.type === 'container' && e.event.action === 'die')).toBe(true);
  });

  it('cancels at once in the middle of a long step and still cleans up', async () => {
    const events: RunEvent[] = [];
    const service = makeService({}, events);
    const { runId } = service.start('pid1-signals');
    // Wait until the slow `docker stop -t 3` step starts, then cancel.
    while (!events.some((e) => e.type === 'step-started' && e.index === 4)) await new Promise((r) => setTimeout(r, 20));
    const cancelledAt = Date.now();
    const record = await service.cancel(runId);
    expect(record.status).toBe('cancelled');
    expect(record.steps[4]?.status).toBe('cancelled');
    expect(record.steps[5]?.status).toBe('cancelled');
    expect(record.finishedAt! - cancelledAt).toBeLessThan(2500 + 2000); // cleanup included; far below the 3 s grace + rest
    expect(await listLabelled(docker, [`berth.run=${runId}`])).toEqual(EMPTY);
  }, 60_000);

  it('queues runs beyond the limit and keeps concurrent runs isolated', async () => {
    const service = makeService({ maxConcurrent: 1 });
    const a = service.start('shared-volume');
    const b = service.start('shared-volume');
    expect(b.status).toBe('queued');
    const c = service.start('shared-volume');
    await service.cancel(c.runId);
    expect(service.getRun(c.runId).status).toBe('cancelled');
    const [ra, rb] = await Promise.all([service.wait(a.runId), service.wait(b.runId)]);
    expect(ra.status).toBe('passed');
    expect(rb.status).toBe('passed');
    expect(ra.resources.volume[0]).not.toBe(rb.resources.volume[0]);
    expect(rb.startedAt).toBeGreaterThanOrEqual(ra.finishedAt! - 50);

    const parallel = makeService({ maxConcurrent: 2 });
    const p1 = parallel.start('read-only-mount');
    const p2 = parallel.start('read-only-mount');
    const [r1, r2] = await Promise.all([parallel.wait(p1.runId), parallel.wait(p2.runId)]);
    expect([r1.status, r2.status]).toEqual(['passed', 'passed']);
  }, 120_000);

  it('sweeps the leftovers of runs whose Berth died, not those of a live one', async () => {
    const dead = `sweepdead${Date.now().toString(36)}`;
    const live = `sweeplive${Date.now().toString(36)}`;
    // A host name of its own: sweeps of other test files running beside this one leave these alone.
    const hostName = `engine-test-${dead}`;
    const labels = (run: string, pid: number) => ({ 'berth.owner': 'demo', 'berth.demo': 'test', 'berth.run': run, 'berth.pid': String(pid), 'berth.host': hostName });
    await docker.createVolume({ Name: `berth-${dead}-v`, Labels: labels(dead, 2 ** 22 + 7) });
    await docker.createNetwork({ Name: `berth-${dead}-n`, Labels: labels(dead, 2 ** 22 + 7) });
    await docker.createVolume({ Name: `berth-${live}-v`, Labels: labels(live, process.ppid) });
    const report = await sweepLeftovers(docker, { hostName });
    expect(report.runs).toContain(dead);
    expect(report.skippedLive).toContain(live);
    expect(report.removed.volume).toContain(`berth-${dead}-v`);
    expect(report.removed.network).toContain(`berth-${dead}-n`);
    expect(await listLabelled(docker, [`berth.run=${dead}`])).toEqual(EMPTY);
    expect((await listLabelled(docker, [`berth.run=${live}`])).volume.length).toBe(1);
    await docker.getVolume(`berth-${live}-v`).remove();
  });

  it('spares a run of this process that becomes active while the sweep is under way', async () => {
    const late = `sweeplate${Date.now().toString(36)}`;
    const labels = { 'berth.owner': 'demo', 'berth.demo': 'test', 'berth.run': late, 'berth.pid': String(process.pid), 'berth.host': os.hostname() };
    await docker.createVolume({ Name: `berth-${late}-v`, Labels: labels });
    // The run is not active when the sweep starts listing Docker's objects, and is once they are listed.
    const active = new Set<string>();
    const sweeping = sweepLeftovers(docker, { activeRuns: active });
    active.add(late);
    const report = await sweeping;
    expect(report.runs).not.toContain(late);
    expect((await listLabelled(docker, [`berth.run=${late}`])).volume.length).toBe(1);
    await docker.getVolume(`berth-${late}-v`).remove();
  });

  it('says clearly when Docker is not there', () => {
    const service = makeService({
      docker: () => {
        throw new RpcFailure('unavailable', 'Docker is not running');
      },
    });
    expect(() => service.start('named-volume-persists')).toThrow('Docker is not running');
    expect(() => service.start('no-such-demo')).toThrow(/no demo called "no-such-demo"/);
  });
});

describe('base image', () => {
  it('builds the fallback image from busybox through the API when the pinned image cannot be pulled', async () => {
    const tag = `berth-busybox-test:${Date.now().toString(36)}`;
    const resolver = new BaseImageResolver({ pinned: 'busybox:1.36.1@sha256:0000000000000000000000000000000000000000000000000000000000000000', fallback: tag });
    const progress: string[] = [];
    try {
      const base = await resolver.resolve(docker, (p) => progress.push(p.phase));
      expect(base.source).toBe('fallback-built');
      expect(base.message).toMatch(/Could not pull .*built the equivalent/);
      const info = await docker.getImage(tag).inspect();
      expect(info.Config.Labels?.['berth.owner']).toBe('base');
      expect(execFileSync('docker', ['run', '--rm', '--network', 'none', tag, 'sh', '-c', 'echo ok']).toString()).toBe('ok\n');
      expect(progress).toContain('build');
      // Once built, the same resolver answers from its cache without building again.
      expect((await resolver.resolve(docker)).source).toBe('fallback-built');
    } finally {
      await docker.getImage(tag).remove({ force: true }).catch(() => {});
    }
  }, 60_000);

  it('explains what to do when neither a pull nor a build is possible', async () => {
    const resolver = new BaseImageResolver({ pinned: 'busybox:0@sha256:1111111111111111111111111111111111111111111111111111111111111111', fallback: 'berth-none-such:1', offline: true, findBusybox: () => undefined });
    await expect(resolver.resolve(docker)).rejects.toThrow(/install a static busybox .*build-demo-image\.sh/);
  });
});
