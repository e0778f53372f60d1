import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../contract';
import { DockerConnection } from '../docker/docker-connection';
import { resolveLocalEndpoint } from '../docker/resolve-endpoint';
import { silentLogger } from '../logging/logger';
import { dockerCli, eventually } from '../volumes/test-support';
import { ContainersService } from './containers-service';

const prefix = `berth-ct-${process.pid}`;
const name = `${prefix}-web`;
const volume = `${prefix}-data`;
let connection: DockerConnection;
let service: ContainersService;
const published: EventName[] = [];

function cleanup(): void {
  try {
    dockerCli('rm', '-fv', name);
  } catch {
    /* not there */
  }
  try {
    dockerCli('volume', 'rm', '-f', volume);
  } catch {
    /* not there */
  }
}

beforeAll(async () => {
  cleanup();
  connection = new DockerConnection({
    resolveEndpoint: () => resolveLocalEndpoint(),
    log: silentLogger,
  });
  service = new ContainersService({ connection, publish: (event) => published.push(event) });
  service.watch();
  connection.start();
  await eventually(() => connection.status.state === 'connected', 10_000, 'docker connection');
});

afterAll(async () => {
  cleanup();
  service.dispose();
  await connection.stop();
});

describe('ContainersService (real dockerd)', () => {
  it('lists a running container with its image, mounts, networks and ports, and publishes a batched change', async () => {
    published.length = 0;
    dockerCli(
      'run',
      '-d',
      '--name',
      name,
      '--label',
      'berth.owner=test',
      '-v',
      `${volume}:/data`,
      '-p',
      '127.0.0.1::8080',
      'berth-busybox:1.36-local',
      'sh',
      '-c',
      'echo hello out; echo oops >&2; echo bye; exec sleep 300',
    );
    await eventually(() => published.includes('containers.changed'), 5000, 'containers.changed');
    const { containers } = await service.list();
    const row = containers.find((c) => c.name === name);
    expect(row).toBeDefined();
    expect(row?.state).toBe('running');
    expect(row?.image).toBe('berth-busybox:1.36-local');
    expect(row?.berthOwner).toBe('test');
    expect(row?.networks).toEqual(['bridge']);
    expect(row?.mounts).toEqual([
      expect.objectContaining({ type: 'volume', name: volume, destination: '/data', rw: true }),
    ]);
    expect(row?.ports).toHaveLength(1);
    expect(row?.ports[0]).toMatchObject({ privatePort: 8080, type: 'tcp', ip: '127.0.0.1' });
    expect(row?.ports[0]?.publicPort).toBeGreaterThan(0);

    // Containers inherit the base image's berth.owner=base label; that is not the container's mark.
    dockerCli('create', '--name', `${prefix}-plain`, 'berth-busybox:1.36-local', 'true');
    try {
      const plain = (await service.list()).containers.find((c) => c.name === `${prefix}-plain`);
      expect(plain?.labels['berth.owner']).toBe('base');
      expect(plain?.berthOwner).toBeUndefined();
      expect((await service.inspect(`${prefix}-plain`)).berthOwner).toBeUndefined();
    } finally {
      dockerCli('rm', `${prefix}-plain`);
    }

    const detail = await service.inspect(name);
    expect(detail.cmd).toEqual([
      'sh',
      '-c',
      'echo hello out; echo oops >&2; echo bye; exec sleep 300',
    ]);
    expect(detail.addresses.bridge).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(detail.startedAt).toBeTruthy();
  });

  it('returns the tail of the logs with stdout and stderr apart, in order', async () => {
    await eventually(
      async () => (await service.logs(name, 50)).lines.length >= 3,
      5000,
      'log lines',
    );
    const logs = await service.logs(name, 50);
    // Docker copies the two pipes separately, so only the order within each stream is certain.
    expect(logs.lines.filter((l) => l.stream === 'stdout').map((l) => l.text)).toEqual([
      'hello out',
      'bye',
    ]);
    expect(logs.lines.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(['oops']);
    expect((await service.logs(name, 1)).lines).toHaveLength(1);
  });

  it('refuses to remove a running container without force, with a readable reason', async () => {
    await expect(service.remove(name, false, false)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is running'),
    });
  });

  it('stops and starts a container and gives the CLI equivalent', async () => {
    const stopped = await service.stop(name, 5); // sleep ignores SIGTERM: Docker waits 5 s, longer than a query's timeout
    expect(stopped.cli).toBe(`docker stop -t 5 ${name}`);
    expect((await service.inspect(name)).state).toBe('exited');
    expect((await service.stop(name, 1)).name).toBe(name); // stopping twice is fine
    const started = await service.start(name);
    expect(started.cli).toBe(`docker start ${name}`);
    expect((await service.inspect(name)).state).toBe('running');
  });

  it('removes with force and volumes, then answers not-found', async () => {
    const removed = await service.remove(name, true, true);
    expect(removed.cli).toBe(`docker rm -fv ${name}`);
    expect((await service.list()).containers.some((c) => c.name === name)).toBe(false);
    await expect(service.inspect(name)).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.logs(name, 10)).rejects.toMatchObject({ code: 'not-found' });
  });
});
