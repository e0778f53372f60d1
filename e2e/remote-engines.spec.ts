import fs from 'node:fs';
import { expect, test } from './fixtures';
import path from 'node:path';
import { PrivateDockerd } from './support/private-dockerd';
import { hasSshd, PrivateSshd } from './support/private-sshd';
import { generateTestCerts } from './support/test-certs';

// A private dockerd reachable only over tcp://127.0.0.1:<port> with --tlsverify, certificates by openssl.
const certs = generateTestCerts();
const port = 21000 + (process.pid % 4000);
const host = `tcp://127.0.0.1:${port}`;
const daemon = new PrivateDockerd('berth-e2e-tls', [
  '-H',
  host,
  '--tlsverify',
  '--tlscacert',
  certs.server.ca,
  '--tlscert',
  certs.server.cert,
  '--tlskey',
  certs.server.key,
]);
const volume = `berth-e2e-remote-${Date.now().toString(36)}`;

test.beforeAll(async () => {
  await daemon.stop();
  await daemon.start();
  daemon.docker('volume', 'create', '--label', 'berth.owner=test', volume);
});

test.afterAll(async () => {
  try {
    daemon.docker('volume', 'rm', '-f', volume);
  } finally {
    await daemon.stop();
    fs.rmSync(certs.root, { recursive: true, force: true });
  }
});

test.describe('a remote engine over TCP + TLS', () => {
  test.use({
    berthOptions: {
      vault: 'copy',
      dockerHost: host,
      dockerEnv: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs.clientDir },
    },
  });

  test('connects with the client certificate and shows the remote volumes', async ({ berth }) => {
    const status = berth.page.locator('.docker-status');
    await expect(status).toHaveAttribute('data-state', 'connected');
    await expect(berth.page.locator(`[data-volume="${volume}"]`).first()).toBeVisible({
      timeout: 5000,
    });
    await status.click();
    const details = berth.page.getByRole('dialog', { name: 'Docker connection' });
    await expect(details).toContainText(host);
    await berth.shot('remote-tls-connected');
  });
});

test.describe('a remote engine that refuses the client certificate', () => {
  test.use({
    berthOptions: {
      vault: 'copy',
      dockerHost: host,
      dockerEnv: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs.wrongClientDir },
    },
  });

  test('says so, with what to do', async ({ berth }) => {
    const status = berth.page.locator('.docker-status');
    await expect(status).toContainText('Docker: permission denied', { timeout: 5000 });
    await expect(status).toHaveAttribute(
      'title',
      `The Docker daemon at ${host} refused Berth's client certificate`,
    );
    await status.click();
    const details = berth.page.getByRole('dialog', { name: 'Docker connection' });
    await expect(details).toContainText("refused Berth's client certificate");
    await expect(details).toContainText('not signed by the CA the daemon trusts');
    await berth.shot('remote-tls-wrong-cert');
  });
});

test.describe('a remote engine whose CA Berth does not have', () => {
  test.use({
    berthOptions: {
      vault: 'copy',
      dockerHost: host,
      dockerEnv: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs.wrongCaDir },
    },
  });

  test('says it does not trust the daemon', async ({ berth }) => {
    const status = berth.page.locator('.docker-status');
    await expect(status).toContainText('Docker: not trusted', { timeout: 5000 });
    await status.click();
    const details = berth.page.getByRole('dialog', { name: 'Docker connection' });
    await expect(details).toContainText(
      `Berth does not trust the certificate of the Docker daemon at ${host}`,
    );
    await expect(details).toContainText('Use the ca.pem that belongs to this daemon');
    await berth.shot('remote-tls-wrong-ca');
  });
});

// The same daemon reached over SSH: a private sshd whose one key may only run `docker system dial-stdio`.
const sshd = new PrivateSshd(`docker -H ${daemon.host} system dial-stdio`);
sshd.port = 25000 + (process.pid % 4000);
const sshUrl = `ssh://root@127.0.0.1:${sshd.port}`;
const strangerHome = path.join(sshd.dir, 'stranger-home');

test.describe('a remote engine over SSH', () => {
  test.skip(!hasSshd(), 'sshd is not installed (.ci/run installs openssh-server)');
  test.beforeAll(async () => {
    await sshd.start();
    fs.writeFileSync(
      path.join(sshd.clientHome, '.ssh', 'known_hosts'),
      `${sshd.knownHostsLine()}\n`,
    );
    fs.cpSync(path.join(sshd.clientHome, '.ssh'), path.join(strangerHome, '.ssh'), {
      recursive: true,
    });
    fs.writeFileSync(path.join(strangerHome, '.ssh', 'known_hosts'), '');
  });
  test.afterAll(async () => {
    await sshd.stop();
  });

  test.describe('with the host key in known_hosts', () => {
    test.use({
      berthOptions: { vault: 'copy', dockerHost: sshUrl, dockerEnv: { HOME: sshd.clientHome } },
    });

    test('connects and shows the remote volumes', async ({ berth }) => {
      const status = berth.page.locator('.docker-status');
      await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
      await expect(berth.page.locator(`[data-volume="${volume}"]`).first()).toBeVisible({
        timeout: 15_000,
      });
      await status.click();
      await expect(berth.page.getByRole('dialog', { name: 'Docker connection' })).toContainText(
        sshUrl,
      );
      await berth.shot('remote-ssh-connected');
    });
  });

  test.describe('with an unknown host key', () => {
    test.use({
      berthOptions: { vault: 'copy', dockerHost: sshUrl, dockerEnv: { HOME: strangerHome } },
    });

    test('refuses to connect and shows the fingerprint', async ({ berth }) => {
      const status = berth.page.locator('.docker-status');
      await expect(status).toContainText('Docker: not trusted', { timeout: 10_000 });
      await status.click();
      const details = berth.page.getByRole('dialog', { name: 'Docker connection' });
      await expect(details).toContainText(`Berth does not know the SSH host key of ${sshUrl}`);
      await expect(details).toContainText('SHA256:');
      await berth.shot('remote-ssh-unknown-host-key');
    });
  });
});
