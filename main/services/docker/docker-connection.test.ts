import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DockerStatus } from '../../contract';
import { silentLogger } from '../logging/logger';
import { classifyDockerError } from './classify-error';
import { DockerConnection } from './docker-connection';
import { optionsForUrl, resolveLocalEndpoint, type DockerEndpoint } from './resolve-endpoint';

const connections: DockerConnection[] = [];
afterEach(async () => {
  for (const c of connections.splice(0)) await c.stop();
});

function connectTo(endpoint: DockerEndpoint) {
  const connection = new DockerConnection({ resolveEndpoint: () => endpoint, log: silentLogger, backoffMs: [0, 200] });
  connections.push(connection);
  return connection;
}

function waitFor(connection: DockerConnection, predicate: (s: DockerStatus) => boolean, timeoutMs = 10_000): Promise<DockerStatus> {
  return new Promise((resolve, reject) => {
    if (predicate(connection.status)) return resolve(connection.status);
    const timer = setTimeout(() => reject(new Error(`timed out; last state ${connection.status.state}: ${connection.status.message}`)), timeoutMs);
    const dispose = connection.onStatus((status) => {
      if (predicate(status)) {
        clearTimeout(timer);
        dispose();
        resolve(status);
      }
    });
  });
}

function unixEndpoint(socket: string): DockerEndpoint {
  return { url: `unix://${socket}`, source: 'DOCKER_HOST', ...optionsForUrl(`unix://${socket}`) };
}

/** A connection to the local daemon, started and connected, with the events it hears as "type:action:id". */
async function listeningToLocal(): Promise<{ connection: DockerConnection; seen: string[]; status: DockerStatus }> {
  const connection = connectTo(resolveLocalEndpoint());
  const seen: string[] = [];
  connection.onEvent((e) => seen.push(`${e.Type}:${e.Action}:${e.Actor.ID}`));
  connection.start();
  const status = await waitFor(connection, (s) => s.state === 'connected');
  return { connection, seen, status };
}

describe('DockerConnection against the real daemon', () => {
  it('connects, reports the engine, and sees an event caused by the CLI', async () => {
    const { status, seen } = await listeningToLocal();
    expect(status.engine?.version).toBe(execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).trim());
    expect(status.engine?.storageDriver).toBeTruthy();
    const name = `berth-unit-${Date.now().toString(36)}`;
    execFileSync('docker', ['volume', 'create', '--label', 'berth.owner=test', name]);
    execFileSync('docker', ['volume', 'rm', name]);
    await expect.poll(() => seen, { timeout: 5000 }).toContain(`volume:create:${name}`);
    await expect.poll(() => seen, { timeout: 5000 }).toContain(`volume:destroy:${name}`);
  });
});

describe('DockerConnection event stream', () => {
  it('misses no event while its stream is opened again, even one before any other event', async () => {
    const { connection, seen } = await listeningToLocal();
    // The stream is lost; the volume is made (the CLI blocks this thread) before it is opened again.
    (connection as unknown as { eventStream: { destroy(): void } }).eventStream.destroy();
    const name = `berth-unit-gap-${Date.now().toString(36)}`;
    execFileSync('docker', ['volume', 'create', '--label', 'berth.owner=test', name]);
    execFileSync('docker', ['volume', 'rm', name]);
    await waitFor(connection, (s) => s.state === 'connected');
    await expect.poll(() => seen, { timeout: 5000 }).toContain(`volume:create:${name}`);
    await expect.poll(() => seen, { timeout: 5000 }).toContain(`volume:destroy:${name}`);
    expect(seen.filter((event) => event === `volume:create:${name}`)).toHaveLength(1);
  });
});

describe('DockerConnection failure states', () => {
  it('says "socket missing" with a hint when there is no socket', async () => {
    const connection = connectTo(unixEndpoint(path.join(os.tmpdir(), `no-such-${Date.now()}.sock`)));
    connection.start();
    const status = await waitFor(connection, (s) => s.state === 'socket-missing');
    expect(status.message).toMatch(/Docker is not running: there is no socket at/);
    expect(status.hint).toMatch(/Start Docker/);
    expect(status.retry?.attempt).toBeGreaterThanOrEqual(1);
  });

  it('says "not running" when nothing listens on the socket', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-sock-'));
    const socket = path.join(dir, 'docker.sock');
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(socket, r));
    await new Promise<void>((r) => server.close(() => r()));
    fs.writeFileSync(socket, ''); // a stale socket file left by a dead daemon
    const connection = connectTo(unixEndpoint(socket));
    connection.start();
    const status = await waitFor(connection, (s) => s.state === 'not-running' || s.state === 'unreachable');
    expect(status.message).toMatch(/Docker is not (running|answering)|Cannot talk/);
  });

  it('classifies permission, refusal and timeout errors distinctly', () => {
    const err = (code: string) => Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });
    expect(classifyDockerError(err('EACCES'), 'unix:///var/run/docker.sock', '/var/run/docker.sock')).toMatchObject({
      state: 'permission-denied',
      message: 'Permission denied on /var/run/docker.sock',
    });
    expect(classifyDockerError(err('EACCES'), 'x').hint).toMatch(/usermod -aG docker/);
    expect(classifyDockerError(err('ECONNREFUSED'), 'x').state).toBe('not-running');
    expect(classifyDockerError(err('ENOENT'), 'x').state).toBe('socket-missing');
    expect(classifyDockerError(new Error('timeout'), 'x').state).toBe('unreachable');
  });

  it('reports a permission error from a real socket it may not open', async () => {
    if (process.getuid?.() === 0) {
      // root ignores file permissions; run the check as "nobody" through a child process instead.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-perm-'));
      const socket = path.join(dir, 'docker.sock');
      const server = net.createServer(() => undefined);
      await new Promise<void>((r) => server.listen(socket, r));
      fs.chmodSync(socket, 0o600);
      fs.chmodSync(dir, 0o755);
      const script = `require('net').connect(${JSON.stringify(socket)}).on('error', e => { console.log(e.code); process.exit(0) }).on('connect', () => { console.log('CONNECTED'); process.exit(0) })`;
      let code = '';
      try {
        code = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script], { encoding: 'utf8' }).trim();
      } finally {
        server.close();
      }
      expect(classifyDockerError(Object.assign(new Error(code), { code }), `unix://${socket}`, socket).state).toBe('permission-denied');
    }
  });
});
