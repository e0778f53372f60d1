import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { loadCatalogue } from './catalogue';
import { listLabelled } from './cleanup';
import { formatChanges, volumesByContainer } from './container-insight-actions';
import { DemoService } from './demo-service';
import { formatDfRows } from './engine-actions';

describe('insight action formatting', () => {
  it('prints docker diff lines with A, C and D like the CLI', () => {
    expect(
      formatChanges([
        { Kind: 0, Path: '/srv' },
        { Kind: 1, Path: '/srv/notes.txt' },
        { Kind: 2, Path: '/etc/motd' },
      ]),
    ).toBe('C /srv\nA /srv/notes.txt\nD /etc/motd');
    expect(formatChanges([])).toBe('');
  });

  it('lists volumes per container and counts each volume once', () => {
    const result = volumesByContainer([
      {
        container: 'a',
        mounts: [
          { Type: 'volume', Name: 'v1', Destination: '/data' },
          { Type: 'bind', Destination: '/src' },
        ],
      },
      { container: 'b', mounts: [{ Type: 'volume', Name: 'v1', Destination: '/data' }] },
      { container: 'c', mounts: [] },
    ]);
    expect(result.lines).toEqual(['a: v1 -> /data', 'b: v1 -> /data', 'c: (no volumes)']);
    expect(result.distinct).toEqual(['v1']);
  });

  it('renders disk usage rows with unique = size - shared, and n/a when the engine did not compute sharing', () => {
    const rows = formatDfRows([
      {
        Id: 'sha256:0123456789abcdef',
        RepoTags: ['one:v1'],
        Size: 5_000_000,
        SharedSize: 4_000_000,
      },
      { Id: 'sha256:fedcba9876543210', RepoTags: null, Size: 1000, SharedSize: -1 },
    ]);
    expect(rows[0]).toMatch(/^IMAGE\s+SIZE\s+SHARED SIZE\s+UNIQUE SIZE$/);
    expect(rows[1]).toMatch(/^one:v1\s+5\.0 MB\s+4\.0 MB\s+1\.0 MB$/);
    expect(rows[2]).toContain('fedcba987654');
    expect(rows[2]).toContain('n/a');
  });
});

describe('new run options and image keys in the demo schema', () => {
  const demo = (action: object) => ({
    id: 'x',
    title: 'x',
    summary: 'y',
    topic: 'Runtime',
    note: 'x.md',
    steps: [{ title: 's', action }],
  });

  it('accepts a bare image name (read as latest), restart policies, env and --pid host', () => {
    const [parsed] = loadCatalogue([
      demo({
        kind: 'run',
        container: 'c',
        image: 'app',
        restart: 'on-failure:3',
        env: { GREETING: 'hi' },
        pid: 'host',
      }),
    ]);
    expect(parsed?.steps[0]?.action).toMatchObject({
      image: 'app',
      restart: 'on-failure:3',
      env: { GREETING: 'hi' },
      pid: 'host',
    });
    for (const restart of ['no', 'always', 'unless-stopped', 'on-failure'])
      expect(() => loadCatalogue([demo({ kind: 'run', container: 'c', restart })])).not.toThrow();
  });

  it('rejects a made-up restart policy, a bad variable name and another PID mode, naming the field', () => {
    expect(() =>
      loadCatalogue([demo({ kind: 'run', container: 'c', restart: 'sometimes' })]),
    ).toThrow(/Demo "x" is invalid: steps\.0\.action\.restart/);
    expect(() =>
      loadCatalogue([demo({ kind: 'run', container: 'c', env: { 'BAD-NAME': '1' } })]),
    ).toThrow(/steps\.0\.action\.env/);
    expect(() =>
      loadCatalogue([demo({ kind: 'run', container: 'c', pid: 'container:other' })]),
    ).toThrow(/steps\.0\.action\.pid/);
    expect(() =>
      loadCatalogue([demo({ kind: 'image-inspect', image: 'app', show: 'everything' })]),
    ).toThrow(/steps\.0\.action\.show/);
    expect(() =>
      loadCatalogue([demo({ kind: 'watch-restarts', container: 'c', restarts: 0 })]),
    ).toThrow(/steps\.0\.action\.restarts/);
  });
});

const docker = new Dockerode();
const historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-insight-'));

const probes = loadCatalogue([
  {
    id: 'restart-never-comes',
    title: 'No restart policy, so no restart',
    summary: 'watch-restarts gives up at its timeout and reports the real count.',
    topic: 'Runtime',
    note: 'Test.md',
    network: 'none',
    steps: [
      {
        title: 'Crash once, no policy',
        action: {
          kind: 'run',
          container: 'once',
          detach: true,
          cmd: ['sh', '-c', 'echo bye; exit 2'],
        },
      },
      {
        title: 'Wait for a restart that never comes',
        action: { kind: 'watch-restarts', container: 'once', restarts: 1, timeoutMs: 1500 },
        expect: [{ count: 1 }],
      },
    ],
  },
  {
    id: 'rmi-missing',
    title: 'Removing an image that is not there',
    summary: 'image-remove fails the step with Docker’s message.',
    topic: 'Images',
    note: 'Test.md',
    network: 'none',
    steps: [
      { title: 'Remove a tag nobody made', action: { kind: 'image-remove', image: 'ghost:v1' } },
    ],
  },
  {
    id: 'logs-and-diff',
    title: 'Logs and diff of one container',
    summary: 'logs counts lines of both streams; diff counts changes.',
    topic: 'Runtime',
    note: 'Test.md',
    network: 'none',
    steps: [
      {
        title: 'Write and print',
        action: {
          kind: 'run',
          container: 'c',
          cmd: ['sh', '-c', 'echo out; echo err >&2; mkdir /made && touch /made/file'],
        },
        expect: [{ exitCode: 0 }],
      },
      {
        title: 'Logs',
        action: { kind: 'logs', container: 'c' },
        expect: [{ count: 2 }, { outputContains: 'err' }],
      },
      {
        title: 'Diff',
        action: { kind: 'diff', container: 'c' },
        expect: [{ outputContains: 'A /made/file' }, { count: 2 }],
      },
    ],
  },
]);
const service = new DemoService({
  docker: () => docker,
  historyDir,
  log: silentLogger,
  catalogue: probes,
});
afterAll(() => service.dispose());

describe('insight actions against the real dockerd', () => {
  it(
    'stops waiting for restarts at the timeout and reports the real RestartCount',
    { timeout: 30_000 },
    async () => {
      const record = await service.wait(service.start('restart-never-comes').runId);
      const step = record.steps[1]!;
      expect(step.status).toBe('failed');
      expect(step.expectations[0]).toMatchObject({ passed: false, expected: '1', actual: '0' });
      expect(step.output.map((o) => o.text).join('')).toContain('state exited (exit code 2)');
      expect(await listLabelled(docker, [`berth.run=${record.runId}`])).toEqual({
        container: [],
        network: [],
        volume: [],
        image: [],
      });
    },
  );

  it(
    'fails image-remove of a missing image with a readable reason',
    { timeout: 30_000 },
    async () => {
      const record = await service.wait(service.start('rmi-missing').runId);
      expect(record.status).toBe('failed');
      expect(record.steps[0]?.error).toMatch(
        /Remove a tag nobody made failed: .*(No such image|not found)/i,
      );
    },
  );

  it('reads logs of both streams and the writable-layer changes', { timeout: 30_000 }, async () => {
    const record = await service.wait(service.start('logs-and-diff').runId);
    expect(record.status, JSON.stringify(record.steps.map((s) => [s.title, s.expectations]))).toBe(
      'passed',
    );
  });
});
