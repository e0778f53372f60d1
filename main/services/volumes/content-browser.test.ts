import Dockerode from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcFailure } from '../../contract/errors';
import {
  listVolumeFiles,
  looksBinary,
  parseListing,
  readVolumeFile,
  safeVolumePath,
} from './content-browser';
import { demuxLogs, helperContainerName } from './helper-container';
import { dockerCli, removeTestResources } from './test-support';

const prefix = `berth-cb-${process.pid}-`;
const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });

afterEach(() => {
  removeTestResources(prefix);
});

describe('content browser (pure parts)', () => {
  it('keeps paths inside the volume', () => {
    expect(safeVolumePath('')).toBe('');
    expect(safeVolumePath('/')).toBe('');
    expect(safeVolumePath('/etc/app/')).toBe('etc/app');
    expect(safeVolumePath('a/./b/../c')).toBe('a/c');
    expect(() => safeVolumePath('../x')).toThrow(RpcFailure);
    expect(() => safeVolumePath('a/../../x')).toThrow(/outside the volume/);
  });

  it('parses stat lines, directories first, names with spaces and pipes', () => {
    const out = [
      '41ed|4096|1700000000|./conf',
      '81a4|12|1700000001|./b file|x.txt',
      'a1ff|7|1700000002|./link',
      'junk',
      '',
    ].join('\n');
    const { files, truncated } = parseListing(out, 'data');
    expect(truncated).toBe(false);
    expect(files.map((f) => [f.name, f.type, f.path])).toEqual([
      ['conf', 'directory', 'data/conf'],
      ['b file|x.txt', 'file', 'data/b file|x.txt'],
      ['link', 'symlink', 'data/link'],
    ]);
    expect(files[1]).toMatchObject({ size: 12, modifiedAt: 1700000001000 });
  });

  it('splits the multiplexed log stream', () => {
    const frame = (stream: number, text: string) => {
      const body = Buffer.from(text);
      const head = Buffer.alloc(8);
      head[0] = stream;
      head.writeUInt32BE(body.length, 4);
      return Buffer.concat([head, body]);
    };
    const { stdout, stderr } = demuxLogs(
      Buffer.concat([frame(1, 'out1 '), frame(2, 'err'), frame(1, 'out2')]),
    );
    expect(stdout.toString()).toBe('out1 out2');
    expect(stderr.toString()).toBe('err');
  });

  it('names helpers after what they are and the volume they look into', () => {
    expect(helperContainerName('my-data')).toMatch(/^berth-helper-my-data-[0-9a-f]{6}$/);
    expect(helperContainerName('a'.repeat(64))).toMatch(/^berth-helper-a{12}-[0-9a-f]{6}$/);
  });

  it('tells text from binary', () => {
    expect(looksBinary(Buffer.from('hello\nworld'))).toBe(false);
    expect(looksBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]))).toBe(true);
  });
});

describe('content browser against the real dockerd', () => {
  it('lists and reads files of a volume read-only, and leaves no helper behind', async () => {
    const name = `${prefix}data`;
    dockerCli('volume', 'create', '--label', 'berth.owner=test', name);
    dockerCli(
      'run',
      '--rm',
      '--network',
      'none',
      '--label',
      'berth.owner=test',
      '--name',
      `${prefix}writer`,
      '-v',
      `${name}:/v`,
      'berth-busybox:1.36-local',
      'sh',
      '-c',
      'mkdir -p /v/conf && echo "port=8080" > /v/conf/app.ini && echo hi > "/v/with space.txt" && head -c 100000 /dev/zero > /v/zeros.bin && ln -s conf/app.ini /v/link',
    );
    const since = Math.floor(Date.now() / 1000) - 1;
    const root = await listVolumeFiles(docker, name, '/');
    // In Docker's events the helper appears under a name that says it is Berth's helper.
    const helperNames = dockerCli(
      'events',
      '--since',
      String(since),
      '--until',
      String(Math.ceil(Date.now() / 1000) + 1),
      '--filter',
      `label=berth.volume=${name}`,
      '--filter',
      'event=create',
      '--format',
      '{{.Actor.Attributes.name}}',
    ).split('\n');
    expect(helperNames[0]).toMatch(new RegExp(`^berth-helper-${name}-[0-9a-f]{6}$`));
    expect(root.files.map((f) => `${f.type}:${f.name}`)).toEqual([
      'directory:conf',
      'symlink:link',
      'file:with space.txt',
      'file:zeros.bin',
    ]);
    const conf = await listVolumeFiles(docker, name, 'conf');
    expect(conf.files).toEqual([
      expect.objectContaining({ name: 'app.ini', path: 'conf/app.ini', type: 'file', size: 10 }),
    ]);

    await expect(readVolumeFile(docker, name, 'conf/app.ini')).resolves.toMatchObject({
      text: 'port=8080\n',
      size: 10,
      truncated: false,
      binary: false,
    });
    await expect(readVolumeFile(docker, name, 'with space.txt')).resolves.toMatchObject({
      text: 'hi\n',
    });
    await expect(readVolumeFile(docker, name, 'zeros.bin')).resolves.toMatchObject({
      binary: true,
      size: 100000,
      truncated: true,
      text: '',
    });
    await expect(readVolumeFile(docker, name, 'missing.txt')).rejects.toThrow(
      /There is no "missing.txt"/,
    );
    await expect(readVolumeFile(docker, name, 'conf')).rejects.toThrow(/not a regular file/);
    await expect(listVolumeFiles(docker, name, 'conf/app.ini')).rejects.toThrow(/not a directory/);
    expect(
      dockerCli(
        'ps',
        '-aq',
        '--filter',
        'label=berth.owner=helper',
        '--filter',
        `label=berth.volume=${name}`,
      ),
    ).toBe('');
  });

  it('says so when the volume does not exist, and creates nothing', async () => {
    await expect(listVolumeFiles(docker, `${prefix}nope`, '')).rejects.toThrow(/no volume named/);
    expect(dockerCli('volume', 'ls', '-q', '--filter', `name=${prefix}nope`)).toBe('');
  });
});
