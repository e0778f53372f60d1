import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { formatBytes, isIgnored, makeBuildContext, parseDockerignore } from './build-context';
import { cliEquivalent, shellQuote } from './cli-equivalent';
import { describeDockerError, isDaemonGone, isNotFound } from './docker-errors';
import { findDemo } from './catalogue';
import { engineFolderFor, isRemoteEngine } from './engine-stage';
import { countCachedSteps } from './image-actions';
import { newRunId, RunContext } from './run-context';
import { OutputCollector, StreamDemuxer } from './stream-demux';
import { firstTarFile, listTar, packTar } from './tar-pack';

function frame(type: number, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('StreamDemuxer', () => {
  it('splits stdout and stderr frames across arbitrary chunk boundaries', () => {
    const seen: [string, string][] = [];
    const demux = new StreamDemuxer((stream, text) => seen.push([stream, text]));
    const all = Buffer.concat([frame(1, 'hello '), frame(2, 'oops'), frame(1, 'world')]);
    for (let i = 0; i < all.length; i += 3) demux.push(all.subarray(i, i + 3));
    expect(seen).toEqual([
      ['stdout', 'hello '],
      ['stderr', 'oops'],
      ['stdout', 'world'],
    ]);
    expect(demux.leftover).toBe(0);
  });

  it('keeps an unfinished frame pending', () => {
    const demux = new StreamDemuxer(() => {});
    demux.push(frame(1, 'abcdef').subarray(0, 10));
    expect(demux.leftover).toBe(10);
  });
});

describe('OutputCollector', () => {
  it('bounds the collected text and says it truncated', () => {
    const out = new OutputCollector(10);
    out.add('stdout', '12345');
    out.add('stderr', '67890abc');
    expect(out.combined).toBe('1234567890');
    expect(out.stderr).toBe('67890');
    expect(out.text).toContain('truncated');
  });
});

describe('tar packing', () => {
  it('round-trips paths and sizes, including long paths', () => {
    const long = `${'dir/'.repeat(30)}file.txt`;
    const tar = packTar([
      { path: 'Dockerfile', content: Buffer.from('FROM scratch\n') },
      { path: long, content: Buffer.alloc(700, 1) },
    ]);
    expect(tar.length % 512).toBe(0);
    expect(listTar(tar).map(({ path, size }) => ({ path, size }))).toEqual([
      { path: 'Dockerfile', size: 13 },
      { path: long, size: 700 },
    ]);
  });

  it('carries empty folders and reads a file back out', () => {
    const tar = packTar([
      { path: 'run/empty', content: Buffer.alloc(0), directory: true },
      { path: 'run/note.txt', content: Buffer.from('hello\n') },
    ]);
    expect(listTar(tar).map(({ path, type }) => `${type} ${path}`)).toEqual(['5 run/empty', '0 run/note.txt']);
    expect(firstTarFile(tar)?.toString()).toBe('hello\n');
    expect(firstTarFile(packTar([]))).toBeNull();
  });

  it('refuses a path that cannot be stored', () => {
    expect(() => packTar([{ path: 'x'.repeat(300), content: Buffer.alloc(1) }])).toThrow(/too long/);
  });
});

describe('.dockerignore', () => {
  const rules = parseDockerignore('# comment\nnode_modules\n*.log\n!keep.log\n.git/\ndocs/**/*.md\n');
  it.each([
    ['node_modules/a/b.js', true],
    ['src/node_modules', false],
    ['debug.log', true],
    ['keep.log', false],
    ['.git/objects/x', true],
    ['docs/a/b/c.md', true],
    ['app.txt', false],
  ])('%s ignored: %s', (file, ignored) => {
    expect(isIgnored(file, rules)).toBe(ignored);
  });

  it('leaves ignored files out of the context, never the Dockerfile', () => {
    const full = makeBuildContext({ Dockerfile: 'FROM base', 'app.txt': 'x' }, { 'node_modules/big': 100_000 });
    const slim = makeBuildContext({ Dockerfile: 'FROM base', 'app.txt': 'x', '.dockerignore': 'node_modules\nDockerfile\n' }, { 'node_modules/big': 100_000 });
    expect(slim.bytes).toBeLessThan(full.bytes);
    expect(slim.excluded).toEqual(['node_modules/big']);
    expect(listTar(slim.tar).map((e) => e.path)).toEqual(['Dockerfile', 'app.txt', '.dockerignore']);
    expect(formatBytes(full.bytes)).toMatch(/kB$/);
  });
});

describe('RunContext', () => {
  const ctx = new RunContext('abc123def', 'demo-x', '/tmp/run', 'berth-busybox:1.36-local', 'host');
  it('names everything after the run and labels it', () => {
    expect(ctx.containerName('web')).toBe('berth-abc123def-web');
    expect(ctx.networkName('none')).toBe('none');
    expect(ctx.imageName('app:v1')).toBe('berth-demo-abc123def-app:v1');
    expect(ctx.labels).toMatchObject({ 'berth.owner': 'demo', 'berth.demo': 'demo-x', 'berth.run': 'abc123def', 'berth.pid': String(process.pid) });
  });
  it('expands placeholders and leaves unknown variables visible', () => {
    ctx.vars.set('id', 'sha256:1');
    expect(ctx.expand('{{container:a}} {{volume:v}} {{var:id}} {{var:nope}} {{run}} {{base}}')).toBe(
      'berth-abc123def-a berth-abc123def-v sha256:1 {{var:nope}} abc123def berth-busybox:1.36-local',
    );
  });
  it('makes short, unique, lower-case run ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newRunId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{10,20}$/);
  });
});

describe('cliEquivalent', () => {
  const ctx = new RunContext('r1r1r1', 'd', '/tmp/w', 'img:1', 'h');
  it('renders docker run with mounts, network, user and quoting', () => {
    expect(
      cliEquivalent(
        { kind: 'run', container: 'c', autoRemove: true, network: 'app', user: '1000', mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }, { type: 'tmpfs', target: '/t' }, { type: 'volume', target: '/anon' }], cmd: ['sh', '-c', "echo 'hi' > /data/x"] },
        ctx,
      ),
    ).toBe(
      [
        'docker run --rm --name berth-r1r1r1-c',
        '--label berth.owner=demo --label berth.demo=d --label berth.run=r1r1r1',
        '--mount type=volume,src=berth-r1r1r1-data,dst=/data,readonly,volume-label=berth.owner=demo,volume-label=berth.demo=d,volume-label=berth.run=r1r1r1',
        '--mount type=tmpfs,dst=/t',
        '--mount type=volume,dst=/anon,volume-label=berth.owner=demo,volume-label=berth.demo=d,volume-label=berth.run=r1r1r1',
        '--network berth-r1r1r1-app --user 1000',
        `img:1 sh -c 'echo '\\''hi'\\'' > /data/x'`,
      ].join(' \\\n    '),
    );
  });
  it('labels a named volume only where Docker creates it, and keeps short commands on one line', () => {
    const local = new RunContext('r2r2r2', 'd', '/tmp/w', 'img:1', 'h');
    local.record('volume', 'berth-r2r2r2-data');
    expect(cliEquivalent({ kind: 'run', container: 'c', mounts: [{ type: 'volume', source: 'data', target: '/data' }] }, local)).not.toContain('volume-label');
    expect(cliEquivalent({ kind: 'volume-list', anonymous: 'plain', dangling: true }, local)).toBe(
      'docker volume ls --filter label=berth.run=r2r2r2 --filter label=berth.anonymous=plain --filter dangling=true',
    );
  });
  it('renders stop, rm -v and tag', () => {
    expect(cliEquivalent({ kind: 'stop', container: 'c', timeoutSec: 3 }, ctx)).toBe('docker stop -t 3 berth-r1r1r1-c');
    expect(cliEquivalent({ kind: 'remove', container: 'c', volumes: true }, ctx)).toBe('docker rm -v berth-r1r1r1-c');
    expect(cliEquivalent({ kind: 'tag', source: 'a:v1', target: 'a:v2' }, ctx)).toBe('docker tag berth-demo-r1r1r1-a:v1 berth-demo-r1r1r1-a:v2');
    expect(shellQuote('plain-arg')).toBe('plain-arg');
  });
});

describe('remote engines and bind mounts', () => {
  it('stages run folders only for a demo with bind mounts on an engine reached over the network', () => {
    const local = new Dockerode({ socketPath: '/var/run/docker.sock' });
    const remote = new Dockerode({ protocol: 'https', host: 'build-box', port: 2376 });
    const binds = findDemo('bind-mount-two-way')!;
    expect(isRemoteEngine(local)).toBe(false);
    expect(isRemoteEngine(remote)).toBe(true);
    expect(engineFolderFor(binds, () => local, 'r1')).toBeUndefined();
    expect(engineFolderFor(binds, () => remote, 'r1')).toBe('/tmp/berth-engine-stage/r1');
    expect(engineFolderFor(findDemo('named-volume-persists')!, () => remote, 'r1')).toBeUndefined();
    expect(engineFolderFor(binds, () => { throw new Error('away'); }, 'r1')).toBeUndefined();
    const ctx = new RunContext('r1', 'd', '/tmp/runs/r1', 'img', 'host');
    expect(ctx.bindSource('shared')).toBe('/tmp/runs/r1/shared');
    ctx.engineFolder = '/tmp/berth-engine-stage/r1';
    expect(ctx.bindSource('shared')).toBe('/tmp/berth-engine-stage/r1/shared');
  });
});

describe('docker errors', () => {
  it('tells a gone daemon from a refusal', () => {
    expect(isDaemonGone(Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDaemonGone(new Error('socket hang up'))).toBe(true);
    const notFound = Object.assign(new Error('(HTTP code 404) no such container - No such container: x'), { statusCode: 404, json: { message: 'No such container: x' } });
    expect(isDaemonGone(notFound)).toBe(false);
    expect(isNotFound(notFound)).toBe(true);
    expect(describeDockerError(notFound)).toBe('No such container: x');
    expect(describeDockerError(new Error('connect ENOENT /var/run/docker.sock'))).toMatch(/^Docker stopped answering/);
  });
});

describe('countCachedSteps', () => {
  it('counts cached Dockerfile steps but not Berth’s label step', () => {
    const log = 'Step 1/3 : FROM x\n ---> a\nStep 2/3 : RUN y\n ---> Using cache\nStep 3/3 : LABEL berth.owner="demo"\n ---> Using cache\n';
    expect(countCachedSteps(log)).toBe(1);
  });
});
