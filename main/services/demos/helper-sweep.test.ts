import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepStaleHelpers } from './helper-sweep';

const docker = new Dockerode();
const IMAGE = 'berth-busybox:1.36-local';
const tag = `helpersweep${Date.now().toString(36)}`;
const mine = `berth.test=${tag}`;

async function helper(name: string, labels: Record<string, string>, cmd: string[], start = true): Promise<void> {
  const container = await docker.createContainer({
    name: `${tag}-${name}`,
    Image: IMAGE,
    Cmd: cmd,
    Labels: { 'berth.owner': 'helper', 'berth.test': tag, ...labels },
    HostConfig: { NetworkMode: 'none' },
  });
  if (!start) return;
  await container.start();
  if (cmd[0] === 'true') await container.wait();
}

const names = async () =>
  (await docker.listContainers({ all: true, filters: JSON.stringify({ label: [mine] }) }))
    .map((c) => c.Names[0]!.slice(1))
    .sort();

afterAll(async () => {
  for (const c of await docker.listContainers({ all: true, filters: JSON.stringify({ label: [mine] }) }))
    await docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined);
});

describe('sweepStaleHelpers (real dockerd)', () => {
  it('removes exited or never-started helpers a killed Berth left, not young, running or demo-run ones', async () => {
    await helper('left', { 'berth.helper': 'dummy-link', 'berth.pid': '999999' }, ['true']);
    // Created, and its Berth killed before the start (seen after a test killed the demo CLI).
    await helper('never-started', { 'berth.helper': 'dummy-link', 'berth.pid': '999998' }, ['true'], false);
    await helper('stage-of-a-run', { 'berth.run': tag }, ['true'], false);
    await helper('of-a-run', { 'berth.run': tag }, ['true']);
    await helper('running', {}, ['sleep', '60']);
    // Just exited: its Berth may be reading its output right now.
    expect(await sweepStaleHelpers(docker, { alsoLabelled: mine })).toEqual([]);
    // Two minutes on, the exited one without a run is a leftover.
    const removed = await sweepStaleHelpers(docker, { alsoLabelled: mine, now: Date.now() + 120_000 });
    expect(removed.sort()).toEqual([`${tag}-left`, `${tag}-never-started`]);
    expect(await names()).toEqual([`${tag}-of-a-run`, `${tag}-running`, `${tag}-stage-of-a-run`]);
  });
});
