import Dockerode from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { prunePreview, pruneVolumes, removeVolume } from './volume-actions';
import { dockerCli, removeTestResources } from './test-support';

const prefix = `berth-va-${process.pid}-`;
const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
const label = `berth.test-run=${prefix}`;

afterEach(() => {
  removeTestResources(prefix);
});

describe('volume actions against the real dockerd', () => {
  it('refuses to remove a volume in use, naming the container, and removes it once free', async () => {
    const name = `${prefix}used`;
    dockerCli('volume', 'create', '--label', 'berth.owner=test', name);
    dockerCli(
      'create',
      '--network',
      'none',
      '--name',
      `${prefix}user`,
      '--label',
      'berth.owner=test',
      '-v',
      `${name}:/d`,
      'berth-busybox:1.36-local',
    );
    await expect(removeVolume(docker, name)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(`in use by container ${prefix}user \\(created\\).*docker rm ${prefix}user`),
      ),
    });
    expect(dockerCli('volume', 'ls', '-q', '--filter', `name=${name}`)).toBe(name);
    dockerCli('rm', `${prefix}user`);
    await removeVolume(docker, name);
    expect(dockerCli('volume', 'ls', '-q', '--filter', `name=${name}`)).toBe('');
    await expect(removeVolume(docker, name)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('previews exactly the dangling volumes with their sizes, and prunes only those', async () => {
    const dangling = `${prefix}dangling`;
    const used = `${prefix}kept`;
    for (const n of [dangling, used])
      dockerCli('volume', 'create', '--label', 'berth.owner=test', '--label', label, n);
    dockerCli(
      'run',
      '--rm',
      '--network',
      'none',
      '--label',
      'berth.owner=test',
      '-v',
      `${dangling}:/v`,
      'berth-busybox:1.36-local',
      'sh',
      '-c',
      'head -c 5000 /dev/zero > /v/f',
    );
    dockerCli(
      'create',
      '--network',
      'none',
      '--name',
      `${prefix}holder`,
      '--label',
      'berth.owner=test',
      '-v',
      `${used}:/d`,
      'berth-busybox:1.36-local',
    );

    const preview = await prunePreview(docker, label, () => undefined);
    expect(preview.volumes.map((v) => v.name)).toEqual([dangling]);
    expect(preview.volumes[0]).toMatchObject({
      kind: 'named',
      labels: expect.objectContaining({ 'berth.owner': 'test' }),
    });
    expect(preview.volumes[0]!.sizeBytes).toBeGreaterThanOrEqual(5000);
    expect(preview.totalBytes).toBe(preview.volumes[0]!.sizeBytes);

    const result = await pruneVolumes(docker, [dangling, used]);
    expect(result.removed).toEqual([dangling]);
    expect(result.skipped).toEqual([
      { name: used, reason: expect.stringMatching(/in use by container/) },
    ]);
    expect(result.reclaimedBytes).toBeGreaterThanOrEqual(5000);
    expect(dockerCli('volume', 'ls', '-q', '--filter', `label=${label}`)).toBe(used);
  });
});
