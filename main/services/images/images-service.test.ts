import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../contract';
import { DockerConnection } from '../docker/docker-connection';
import { resolveLocalEndpoint } from '../docker/resolve-endpoint';
import { silentLogger } from '../logging/logger';
import { dockerCli, eventually } from '../volumes/test-support';
import { ImagesService } from './images-service';

const repo = `berth-it-${process.pid}`;
const user = `${repo}-user`;
let connection: DockerConnection;
let service: ImagesService;
let danglingId = '';
let taggedId = '';
const published: EventName[] = [];

/** Builds a tiny image on the local busybox with the classic builder; returns its id. */
function build(tag: string, content: string, owner = 'LABEL berth.owner=test'): string {
  const dockerfile = `FROM berth-busybox:1.36-local\n${owner}\nRUN echo ${content} > /probe.txt\n`;
  return execFileSync('docker', ['build', '-q', '-t', tag, '-'], {
    input: dockerfile,
    encoding: 'utf8',
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim();
}

function cleanup(): void {
  for (const args of [
    ['rm', '-f', user],
    ['rmi', '-f', `${repo}:v1`, `${repo}:alias`, `${repo}:old`, `${repo}:plain`],
  ]) {
    try {
      dockerCli(...args);
    } catch {
      /* not there */
    }
  }
  for (const id of [danglingId, taggedId].filter(Boolean)) {
    try {
      dockerCli('rmi', '-f', id);
    } catch {
      /* gone */
    }
  }
}

beforeAll(async () => {
  cleanup();
  connection = new DockerConnection({
    resolveEndpoint: () => resolveLocalEndpoint(),
    log: silentLogger,
  });
  service = new ImagesService({ connection, publish: (event) => published.push(event) });
  service.watch();
  connection.start();
  await eventually(() => connection.status.state === 'connected', 10_000, 'docker connection');
  danglingId = build(`${repo}:old`, 'first');
  build(`${repo}:old`, 'second'); // the first build loses its tag: dangling
  taggedId = build(`${repo}:v1`, 'tagged');
  dockerCli('tag', `${repo}:v1`, `${repo}:alias`);
  build(`${repo}:plain`, 'plain', '');
}, 60_000);

afterAll(async () => {
  cleanup();
  service.dispose();
  await connection.stop();
});

describe('ImagesService (real dockerd)', () => {
  it('lists tags, shared and unique sizes, dangling images and Berth labels', async () => {
    await eventually(() => published.includes('images.changed'), 5000, 'images.changed');
    const { images, layersSize } = await service.list();
    const tagged = images.find((i) => i.id === taggedId);
    expect(tagged?.tags).toEqual([`${repo}:alias`, `${repo}:v1`]);
    expect(tagged?.dangling).toBe(false);
    expect(tagged?.berthOwner).toBe('test');
    // It shares the busybox layer with its base image; what it holds alone is one small file.
    expect(tagged?.sharedSize).toBeGreaterThan(1_000_000);
    expect(tagged?.uniqueSize).toBeLessThan(1000);
    expect(tagged?.uniqueSize).toBe((tagged?.size ?? 0) - (tagged?.sharedSize ?? 0));
    const dangling = images.find((i) => i.id === danglingId);
    expect(dangling).toMatchObject({ dangling: true, tags: [], containers: 0 });
    expect(layersSize).toBeGreaterThan(0);
    // Built FROM Berth's base image without a mark of its own: it inherits berth.owner=base but is not Berth's.
    const plain = images.find((i) => i.tags.includes(`${repo}:plain`));
    expect(plain?.labels['berth.owner']).toBe('base');
    expect(plain?.berthOwner).toBeUndefined();
    expect(images.find((i) => i.tags.includes('berth-busybox:1.36-local'))?.berthOwner).toBe(
      'base',
    );
  });

  it('shows the layers with the Dockerfile line that made each', async () => {
    const layers = await service.history(`${repo}:v1`);
    expect(layers[0]?.createdBy).toContain('echo tagged > /probe.txt');
    expect(layers.some((l) => l.createdBy.startsWith('LABEL'))).toBe(true);
  });

  it('refuses to remove an image with several tags by id, and one a container uses, readably', async () => {
    await expect(service.remove(taggedId, false)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('several tags'),
    });
    const alias = await service.remove(`${repo}:alias`, false);
    expect(alias).toMatchObject({
      untagged: [`${repo}:alias`],
      deleted: [],
      reclaimedBytes: 0,
      cli: `docker rmi ${repo}:alias`,
    });
    dockerCli('create', '--name', user, '--label', 'berth.owner=test', `${repo}:v1`, 'true');
    await expect(service.remove(`${repo}:v1`, false)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`used by the container ${user} (stopped)`),
    });
    dockerCli('rm', user);
  });

  it('previews a prune and removes exactly the previewed images that still qualify', async () => {
    const preview = await service.prunePreview(false);
    expect(preview.cli).toBe('docker image prune');
    expect(preview.images.map((i) => i.id)).toContain(danglingId);
    expect(preview.images.map((i) => i.id)).not.toContain(taggedId);
    const all = await service.prunePreview(true);
    expect(all.images.find((i) => i.id === taggedId)?.berthOwner).toBe('test');

    const result = await service.prune(false, [danglingId, taggedId]);
    expect(result.deleted).toContain(danglingId);
    expect(result.refused).toEqual([{ id: taggedId, reason: expect.stringContaining('kept') }]);
    expect(result.reclaimedBytes).toBeGreaterThan(0);
    const { images } = await service.list();
    expect(images.some((i) => i.id === danglingId)).toBe(false);
    expect(images.some((i) => i.id === taggedId)).toBe(true);
  });
});
