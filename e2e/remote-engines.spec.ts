import fs from 'node:fs';
import { expect, test } from './fixtures';
import { PrivateDockerd } from './support/private-dockerd';
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
