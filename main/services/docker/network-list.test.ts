import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerCli } from '../volumes/test-support';
import { listNetworkSummaries } from './network-list';

const net = `berth-nl-${process.pid}`;
const box = `${net}-box`;

afterAll(() => {
  for (const args of [
    ['rm', '-f', box],
    ['network', 'rm', net],
  ]) {
    try {
      dockerCli(...args);
    } catch {
      /* gone */
    }
  }
});

describe('listNetworkSummaries (real dockerd)', () => {
  it('lists built-in and user networks with subnets, attached containers and Berth labels', async () => {
    dockerCli('network', 'create', '--label', 'berth.owner=test', '--subnet', '10.213.7.0/24', net);
    dockerCli(
      'run',
      '-d',
      '--name',
      box,
      '--label',
      'berth.owner=test',
      '--network',
      net,
      'berth-busybox:1.36-local',
      'sleep',
      '60',
    );
    const networks = await listNetworkSummaries(
      new Dockerode({ socketPath: '/var/run/docker.sock' }),
    );
    expect(networks.find((n) => n.name === 'bridge')).toMatchObject({
      builtIn: true,
      driver: 'bridge',
    });
    expect(networks[0]?.builtIn).toBe(true);
    const mine = networks.find((n) => n.name === net);
    expect(mine).toMatchObject({
      builtIn: false,
      driver: 'bridge',
      scope: 'local',
      subnets: ['10.213.7.0/24'],
      berthOwner: 'test',
    });
    expect(mine?.containers).toEqual([
      { id: expect.any(String), name: box, ipv4: expect.stringMatching(/^10\.213\.7\.\d+$/) },
    ]);
  });
});
