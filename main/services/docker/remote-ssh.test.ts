/**
 * Berth against a Docker host reached over SSH: a private sshd on 127.0.0.1 (generated host key,
 * one authorized client key whose forced command is `docker system dial-stdio` on a private
 * dockerd), through dockerode's ssh transport. Connects via DOCKER_HOST, a docker context and the
 * settings; an unknown or changed host key, a refused key and a closed port each say so, quickly.
 * Skipped, with the reason, where sshd is not installed (`.ci/run` installs openssh-server).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PrivateDockerd } from '../../../e2e/support/private-dockerd';
import { hasSshd, PrivateSshd } from '../../../e2e/support/private-sshd';
import type { DockerStatus } from '../../contract';
import { silentLogger } from '../logging/logger';
import { DockerConnection } from './docker-connection';
import { listNetworkSummaries } from './network-list';
import { resolveDockerEndpoint } from './resolve-endpoint';
import { listVolumesWithUsage } from './volume-list';

const sshdInstalled = hasSshd();
let daemon: PrivateDockerd;
let sshd: PrivateSshd;
const volume = `berth-remote-ssh-${Date.now().toString(36)}`;
const connections: DockerConnection[] = [];
const knownHosts = () => path.join(sshd.clientHome, '.ssh', 'known_hosts');
const url = () => `ssh://root@127.0.0.1:${sshd.port}`;

beforeAll(async () => {
  if (!sshdInstalled) return;
  daemon = new PrivateDockerd('berth-ssh');
  await daemon.start();
  daemon.docker('volume', 'create', '--label', 'berth.owner=test', volume);
  sshd = new PrivateSshd(`docker -H ${daemon.host} system dial-stdio`);
  await sshd.start();
}, 90_000);

afterEach(async () => {
  for (const c of connections.splice(0)) await c.stop();
});

afterAll(async () => {
  if (!sshdInstalled) return;
  try {
    daemon?.docker('volume', 'rm', '-f', volume);
  } finally {
    await sshd?.stop();
    await daemon?.stop();
  }
}, 60_000);

function connect(
  env: NodeJS.ProcessEnv,
  options: { override?: string; homeDir?: string } = {},
): DockerConnection {
  const connection = new DockerConnection({
    resolveEndpoint: () =>
      resolveDockerEndpoint({
        env,
        platform: 'linux',
        homeDir: options.homeDir ?? sshd.clientHome,
        ...(options.override ? { override: options.override } : {}),
      }),
    log: silentLogger,
    backoffMs: [0, 1000],
    requestTimeoutMs: 5000,
  });
  connections.push(connection);
  connection.start();
  return connection;
}

function settle(connection: DockerConnection, timeoutMs = 10_000): Promise<DockerStatus> {
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
  expect(status, `${status.message} ${status.detail ?? ''}`).toMatchObject({ state: 'connected' });
  const client = connection.requireClient();
  expect((await listVolumesWithUsage(client)).map((v) => v.name)).toContain(volume);
  expect((await listNetworkSummaries(client)).map((n) => n.name)).toEqual(
    expect.arrayContaining(['bridge', 'host', 'none']),
  );
}

describe.skipIf(!sshdInstalled)(
  'a remote dockerd over SSH (skipped: sshd is not installed)',
  () => {
    it(
      'connects through DOCKER_HOST=ssh://, lists the remote volumes and networks and follows its events',
      { timeout: 30_000 },
      async () => {
        fs.writeFileSync(knownHosts(), `${sshd.knownHostsLine()}\n`);
        const connection = connect({ DOCKER_HOST: url() });
        await expectRemoteListed(connection);
        expect(connection.status).toMatchObject({ source: 'DOCKER_HOST', host: url() });
        const seen: string[] = [];
        connection.onEvent((e) => seen.push(`${e.Type}:${e.Action}:${e.Actor.ID}`));
        const name = `${volume}-live`;
        daemon.docker('volume', 'create', '--label', 'berth.owner=test', name);
        daemon.docker('volume', 'rm', name);
        await expect.poll(() => seen, { timeout: 5000 }).toContain(`volume:destroy:${name}`);
      },
    );

    it(
      'connects through a docker context and through the settings',
      // Two SSH connections one after the other (ssh + `docker system dial-stdio` each): at load 8
      // beside the unit suite they took over 30 s together.
      { timeout: 60_000 },
      async () => {
        fs.writeFileSync(knownHosts(), `# written by ssh\n${sshd.knownHostsLine()}\n`);
        const config = path.join(sshd.dir, 'docker-config');
        const id = createHash('sha256').update('over-ssh').digest('hex');
        fs.mkdirSync(path.join(config, 'contexts', 'meta', id), { recursive: true });
        fs.writeFileSync(
          path.join(config, 'contexts', 'meta', id, 'meta.json'),
          JSON.stringify({
            Name: 'over-ssh',
            Metadata: {},
            Endpoints: { docker: { Host: url(), SkipTLSVerify: false } },
          }),
        );
        const viaContext = connect({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'over-ssh' });
        await expectRemoteListed(viaContext);
        expect(viaContext.status).toMatchObject({ source: 'context', context: 'over-ssh' });
        const viaSettings = connect({ DOCKER_HOST: 'unix:///nowhere.sock' }, { override: url() });
        await expectRemoteListed(viaSettings);
        expect(viaSettings.status.source).toBe('settings');
      },
    );

    it('refuses a server whose host key is unknown, and shows its fingerprint', async () => {
      fs.writeFileSync(knownHosts(), '');
      const started = Date.now();
      const status = await settle(connect({ DOCKER_HOST: url() }));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(status).toMatchObject({
        state: 'not-trusted',
        message: `Berth does not know the SSH host key of ${url()}`,
      });
      const fingerprint = execFileSync('ssh-keygen', ['-lf', path.join(sshd.dir, 'host_key.pub')], {
        encoding: 'utf8',
      }).split(/\s+/)[1]!;
      expect(status.hint).toContain(fingerprint);
      expect(status.hint).toContain(`ssh -p ${sshd.port} root@127.0.0.1`);
    });

    it('refuses a server whose host key changed', async () => {
      fs.writeFileSync(knownHosts(), `${sshd.otherHostKeyLine()}\n`);
      const status = await settle(connect({ DOCKER_HOST: url() }));
      expect(status.message).toBe(`The SSH host key of ${url()} is not the one in known_hosts`);
    });

    it('says the server did not accept the key when Berth has none it knows', async () => {
      const home = path.join(sshd.dir, 'keyless-home');
      fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
      fs.writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${sshd.knownHostsLine()}\n`);
      execFileSync('ssh-keygen', [
        '-q',
        '-t',
        'ed25519',
        '-N',
        '',
        '-f',
        path.join(home, '.ssh', 'id_ed25519'),
      ]);
      const status = await settle(connect({ DOCKER_HOST: url() }, { homeDir: home }));
      expect(status).toMatchObject({
        state: 'permission-denied',
        message: `The SSH server at ${url()} did not accept Berth's key`,
      });
    });

    it('says nothing answers when no sshd listens on the port', async () => {
      const server = net.createServer();
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address() as net.AddressInfo;
      await new Promise((r) => server.close(r));
      const status = await settle(connect({ DOCKER_HOST: `ssh://root@127.0.0.1:${port}` }));
      expect(status).toMatchObject({
        state: 'not-running',
        message: `Nothing answers at ssh://root@127.0.0.1:${port}`,
      });
      expect(status.hint).toMatch(/sshd/);
    });
  },
);
