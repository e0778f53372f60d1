/**
 * Berth against a second, private dockerd that only listens on tcp://127.0.0.1:<port> with
 * --tlsverify, using a CA, server and client certificates generated here with openssl. It connects
 * through DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, through a docker context and through
 * the settings, lists that daemon's volumes and networks, and tells a wrong client certificate, a
 * wrong CA, a missing certificate and a refused port apart, each quickly.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PrivateDockerd } from '../../../e2e/support/private-dockerd';
import { generateTestCerts, type TestCerts } from '../../../e2e/support/test-certs';
import type { DockerStatus } from '../../contract';
import { silentLogger } from '../logging/logger';
import { DockerConnection } from './docker-connection';
import { listNetworkSummaries } from './network-list';
import { resolveDockerEndpoint } from './resolve-endpoint';
import { listVolumesWithUsage } from './volume-list';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

let certs: TestCerts;
let port: number;
let daemon: PrivateDockerd;
const volume = `berth-remote-tls-${Date.now().toString(36)}`;
const connections: DockerConnection[] = [];

beforeAll(async () => {
  certs = generateTestCerts();
  port = await freePort();
  daemon = new PrivateDockerd('berth-tls', [
    '-H',
    `tcp://127.0.0.1:${port}`,
    '--tlsverify',
    '--tlscacert',
    certs.server.ca,
    '--tlscert',
    certs.server.cert,
    '--tlskey',
    certs.server.key,
  ]);
  await daemon.stop(); // a daemon left by an aborted run has other certificates
  await daemon.start();
  daemon.docker('volume', 'create', '--label', 'berth.owner=test', volume);
}, 90_000);

afterEach(async () => {
  for (const c of connections.splice(0)) await c.stop();
});

afterAll(async () => {
  try {
    daemon?.docker('volume', 'rm', '-f', volume);
  } finally {
    await daemon?.stop();
    if (certs) fs.rmSync(certs.root, { recursive: true, force: true });
  }
}, 60_000);

function connect(env: NodeJS.ProcessEnv, override?: string): DockerConnection {
  const connection = new DockerConnection({
    resolveEndpoint: () =>
      resolveDockerEndpoint({
        env,
        platform: 'linux',
        homeDir: os.tmpdir(),
        ...(override ? { override } : {}),
      }),
    log: silentLogger,
    backoffMs: [0, 500],
    requestTimeoutMs: 3000,
  });
  connections.push(connection);
  connection.start();
  return connection;
}

function settle(connection: DockerConnection, timeoutMs = 8000): Promise<DockerStatus> {
  return new Promise((resolve, reject) => {
    const done = (s: DockerStatus) => s.state !== 'connecting';
    if (done(connection.status)) return resolve(connection.status);
    const timer = setTimeout(
      () => reject(new Error(`still ${connection.status.state} after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const dispose = connection.onStatus((s) => {
      if (done(s)) {
        clearTimeout(timer);
        dispose();
        resolve(s);
      }
    });
  });
}

async function expectRemoteListed(connection: DockerConnection): Promise<void> {
  const status = await settle(connection);
  expect(status, status.message).toMatchObject({ state: 'connected' });
  expect(status.engine?.name).toBeTruthy();
  const client = connection.requireClient();
  const volumes = await listVolumesWithUsage(client);
  expect(volumes.map((v) => v.name)).toContain(volume);
  const networks = await listNetworkSummaries(client);
  expect(networks.map((n) => n.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));
}

/** The daemon's CA but no client certificate. */
function caOnlyEnv(): NodeJS.ProcessEnv {
  const dir = path.join(certs.root, 'ca-only');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(certs.server.ca, path.join(dir, 'ca.pem'));
  return { DOCKER_HOST: `https://127.0.0.1:${port}`, DOCKER_CERT_PATH: dir };
}

const tlsEnv = (certDir: string): NodeJS.ProcessEnv => ({
  DOCKER_HOST: `tcp://127.0.0.1:${port}`,
  DOCKER_TLS_VERIFY: '1',
  DOCKER_CERT_PATH: certDir,
});

describe('a remote dockerd over TCP + TLS (--tlsverify)', () => {
  it('connects through DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH and lists its volumes and networks', async () => {
    const connection = connect(tlsEnv(certs.clientDir));
    await expectRemoteListed(connection);
    expect(connection.status.source).toBe('DOCKER_HOST');
  });

  it('sees a volume created on the remote daemon live, through its event stream', async () => {
    const connection = connect(tlsEnv(certs.clientDir));
    expect((await settle(connection)).state).toBe('connected');
    const seen: string[] = [];
    connection.onEvent((e) => seen.push(`${e.Type}:${e.Action}:${e.Actor.ID}`));
    const name = `${volume}-live`;
    daemon.docker('volume', 'create', '--label', 'berth.owner=test', name);
    daemon.docker('volume', 'rm', name);
    await expect.poll(() => seen, { timeout: 5000 }).toContain(`volume:create:${name}`);
    await expect.poll(() => seen, { timeout: 5000 }).toContain(`volume:destroy:${name}`);
  });

  it('connects through a docker context (DOCKER_CONFIG with contexts/meta and contexts/tls)', async () => {
    const config = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-docker-config-'));
    const name = 'lab-server';
    const id = createHash('sha256').update(name).digest('hex');
    fs.mkdirSync(path.join(config, 'contexts', 'meta', id), { recursive: true });
    fs.writeFileSync(
      path.join(config, 'contexts', 'meta', id, 'meta.json'),
      JSON.stringify({
        Name: name,
        Metadata: { Description: 'the lab machine' },
        Endpoints: { docker: { Host: `tcp://127.0.0.1:${port}`, SkipTLSVerify: false } },
      }),
    );
    const tlsDir = path.join(config, 'contexts', 'tls', id, 'docker');
    fs.mkdirSync(tlsDir, { recursive: true });
    for (const file of ['ca.pem', 'cert.pem', 'key.pem'])
      fs.copyFileSync(path.join(certs.clientDir, file), path.join(tlsDir, file));
    fs.writeFileSync(
      path.join(config, 'config.json'),
      JSON.stringify({ auths: {}, currentContext: name }),
    );
    try {
      const connection = connect({ DOCKER_CONFIG: config });
      await expectRemoteListed(connection);
      expect(connection.status).toMatchObject({
        source: 'context',
        context: name,
        host: `tcp://127.0.0.1:${port}`,
      });
    } finally {
      fs.rmSync(config, { recursive: true, force: true });
    }
  });

  it('connects through the host set in the settings, with the certificates of DOCKER_CERT_PATH', async () => {
    const connection = connect({ DOCKER_CERT_PATH: certs.clientDir }, `tcp://127.0.0.1:${port}`);
    // Port is not 2376 and DOCKER_TLS_VERIFY is unset: plain HTTP, which this daemon refuses with a hint.
    const plain = await settle(connection);
    expect(plain).toMatchObject({
      state: 'permission-denied',
      message: `The Docker daemon at tcp://127.0.0.1:${port} only speaks TLS`,
    });
    expect(plain.hint).toMatch(/DOCKER_TLS_VERIFY=1/);
    const tls = connect({ DOCKER_CERT_PATH: certs.clientDir }, `https://127.0.0.1:${port}`);
    await expectRemoteListed(tls);
    expect(tls.status.source).toBe('settings');
  });

  it('says the daemon refused the client certificate when it is signed by another CA', async () => {
    const started = Date.now();
    const status = await settle(connect(tlsEnv(certs.wrongClientDir)));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(status.message).toBe(
      `The Docker daemon at tcp://127.0.0.1:${port} refused Berth's client certificate`,
    );
    expect(status.hint).toContain(`cert.pem in ${certs.wrongClientDir}`);
  });

  it('says it does not trust the daemon when ca.pem is another CA', async () => {
    const started = Date.now();
    const status = await settle(connect(tlsEnv(certs.wrongCaDir)));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(status.message).toBe(
      `Berth does not trust the certificate of the Docker daemon at tcp://127.0.0.1:${port}`,
    );
    expect(status.state).toBe('not-trusted');
    expect(status.hint).toContain(`ca.pem in ${certs.wrongCaDir}`);
  });

  it('says a client certificate is needed when none is given', async () => {
    const status = await settle(connect(caOnlyEnv()));
    expect(status.message).toBe(
      `The Docker daemon at https://127.0.0.1:${port} wants a client certificate and Berth has none`,
    );
  });

  it('says nothing answers on a refused port, at once', async () => {
    const closed = await freePort();
    const started = Date.now();
    const status = await settle(
      connect({ ...tlsEnv(certs.clientDir), DOCKER_HOST: `tcp://127.0.0.1:${closed}` }),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(status).toMatchObject({
      state: 'not-running',
      message: `Nothing answers at tcp://127.0.0.1:${closed}`,
    });
    expect(status.hint).toMatch(/-H tcp:/);
  });

  it('names every failure differently', async () => {
    const messages = new Set<string>();
    for (const env of [
      tlsEnv(certs.wrongClientDir),
      tlsEnv(certs.wrongCaDir),
      { DOCKER_HOST: `tcp://127.0.0.1:${await freePort()}` },
      caOnlyEnv(),
      { DOCKER_HOST: `tcp://127.0.0.1:${port}` },
    ]) {
      const status = await settle(connect(env));
      messages.add(status.message.replace(/:\d+/, ''));
    }
    expect(messages.size).toBe(5);
  });
});
