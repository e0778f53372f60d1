import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivateDockerd } from '../../../e2e/support/private-dockerd';
import { BaseImageResolver } from './base-image';
import { loadCatalogue } from './catalogue';
import { listLabelled } from './cleanup';
import { DemoRun } from './demo-runner';
import type { RunEvent } from './run-types';
import { sweepLeftovers } from './sweep';

const EMPTY = { container: [], network: [], volume: [], image: [] };
const [longDemo] = loadCatalogue([
  {
    id: 'long-demo',
    title: 'A demo with a long step',
    summary: 'Creates a volume and a container, then waits.',
    topic: 'Storage',
    note: 'Test.md',
    steps: [
      { title: 'Create a volume', action: { kind: 'volume-create', volume: 'v' } },
      { title: 'Start a container', action: { kind: 'run', container: 'c', detach: true, network: 'none', mounts: [{ type: 'volume', source: 'v', target: '/v' }], cmd: ['sh', '-c', "trap 'exit 0' TERM; sleep 300 & wait"] } },
      { title: 'Wait a long time', action: { kind: 'exec', container: 'c', cmd: ['sleep', '30'] }, expect: [{ exitCode: 0 }] },
    ],
  },
]);

describe('dockerd killed mid-demo (private daemon)', () => {
  // Its own socket, data root, containerd and bridge, so killing it never touches the shared daemon.
  const daemon = new PrivateDockerd('berth-demos-fault');
  let docker: Dockerode;

  beforeAll(async () => {
    await daemon.start(150_000);
    docker = new Dockerode({ socketPath: daemon.socket });
  }, 180_000);

  afterAll(async () => {
    await daemon.stop('SIGTERM');
  }, 60_000);

  it('fails the step readably, marks the run interrupted, and leaves nothing once the daemon is back', async () => {
    const events: RunEvent[] = [];
    const run = new DemoRun(longDemo!, { docker: () => docker, baseImage: new BaseImageResolver({ offline: true }), cleanup: { attempts: 2, retryDelayMs: 100 } }, (e) => events.push(e));
    while (!events.some((e) => e.type === 'step-started' && e.index === 2)) {
      if (events.some((e) => e.type === 'run-finished')) throw new Error(JSON.stringify(run.record, null, 1));
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    await daemon.stop('SIGKILL');
    const record = await run.done;
    expect(record.status).toBe('interrupted');
    expect(record.steps[2]?.status).toBe('failed');
    expect(record.steps[2]?.error).toMatch(/Wait a long time failed: Docker stopped answering .*Is the daemon running\?/);
    expect(record.cleanup?.status).toBe('pending');

    await daemon.start();
    const report = await sweepLeftovers(docker);
    expect(report.runs).toContain(record.runId);
    expect(await listLabelled(docker, [`berth.run=${record.runId}`])).toEqual(EMPTY);
    expect(await listLabelled(docker, ['berth.run'])).toEqual(EMPTY);
  }, 240_000);
});

describe('Berth killed mid-demo (shared daemon)', () => {
  it('the next start sweeps what the killed run left', async () => {
    const docker = new Dockerode();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../cli/demo.ts'), 'shared-volume'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const runId = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the run never got going:\n${out}`)), 60_000);
      child.stdout.on('data', () => {
        const match = /run ([a-z0-9]+)\)/.exec(out);
        if (match && out.includes('4. ')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const left = await listLabelled(docker, [`berth.run=${runId}`]);
    expect(left.container.length + left.volume.length).toBeGreaterThan(0);
    const report = await sweepLeftovers(docker);
    expect(report.runs).toContain(runId);
    expect(await listLabelled(docker, [`berth.run=${runId}`])).toEqual(EMPTY);
    fs.rmSync(path.join(os.tmpdir(), 'berth-demo-runs', runId), { recursive: true, force: true });
  }, 90_000);
});
