import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { FALLBACK_IMAGE } from '../base-image';
import { forbiddenHostConfig, guardedDocker, VAULT_CONTAINER_LIMITS } from './guarded-docker';

const docker = new Dockerode();
const workRoot = path.join(os.tmpdir(), 'berth-guard-test');
const label = `guard-${process.pid}-${Date.now()}`;
const labels = { 'berth.owner': 'demo', 'berth.run': label };

afterAll(async () => {
  const list = await docker.listContainers({
    all: true,
    filters: JSON.stringify({ label: [`berth.run=${label}`] }),
  });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true })));
});

describe('guardedDocker', () => {
  it('names everything a vault demo may not get from the Docker API', () => {
    expect(
      forbiddenHostConfig(
        {
          Privileged: true,
          CapAdd: ['SYS_ADMIN'],
          PidMode: 'host',
          IpcMode: 'host',
          NetworkMode: 'host',
          Binds: ['/:/host'],
        },
        workRoot,
      ),
    ).toEqual([
      'a privileged container',
      'added capabilities (SYS_ADMIN)',
      'the PID namespace "host"',
      'the IPC namespace "host"',
      'the network "host"',
      'raw bind mounts',
    ]);
    expect(
      forbiddenHostConfig({ Mounts: [{ Type: 'bind', Source: '/etc', Target: '/x' }] }, workRoot),
    ).toEqual(['a bind mount of /etc']);
    expect(
      forbiddenHostConfig(
        {
          Mounts: [{ Type: 'bind', Source: path.join(workRoot, 'run1/data'), Target: '/x' }],
          NetworkMode: 'none',
        },
        workRoot,
      ),
    ).toEqual([]);
  });

  it('refuses a privileged container at the API call and creates nothing', async () => {
    const guarded = guardedDocker(docker, workRoot);
    await expect(
      guarded.createContainer({
        Image: FALLBACK_IMAGE,
        Labels: labels,
        HostConfig: { Privileged: true },
      }),
    ).rejects.toThrow(/Refused by Berth: .*privileged/);
    const list = await docker.listContainers({
      all: true,
      filters: JSON.stringify({ label: [`berth.run=${label}`] }),
    });
    expect(list).toEqual([]);
  });

  it('gives every container memory, process and CPU limits; other calls go to the real client', async () => {
    const guarded = guardedDocker(docker, workRoot);
    const container = await guarded.createContainer({
      Image: FALLBACK_IMAGE,
      Cmd: ['true'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    const info = await guarded.getContainer(container.id).inspect();
    expect(info.HostConfig.Memory).toBe(VAULT_CONTAINER_LIMITS.Memory);
    expect(info.HostConfig.PidsLimit).toBe(VAULT_CONTAINER_LIMITS.PidsLimit);
    expect(info.HostConfig.NanoCpus).toBe(VAULT_CONTAINER_LIMITS.NanoCpus);
    expect(await guarded.ping()).toBeTruthy();
  });
});
