import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Folders laid out the way the docker CLI expects them (`DOCKER_CERT_PATH`: ca.pem, cert.pem, key.pem). */
export interface TestCerts {
  root: string;
  /** Server side: ca.pem, server-cert.pem, server-key.pem (SAN IP:127.0.0.1, DNS:localhost). */
  server: { ca: string; cert: string; key: string };
  /** A client certificate signed by the daemon's CA. */
  clientDir: string;
  /** A client certificate signed by another CA, with the right ca.pem: the daemon refuses it. */
  wrongClientDir: string;
  /** The right client certificate, but a ca.pem from another CA: Berth must not trust the daemon. */
  wrongCaDir: string;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
}

function newKey(cwd: string, file: string): void {
  openssl(cwd, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file);
}

function newCa(cwd: string, name: string): void {
  newKey(cwd, `${name}-key.pem`);
  openssl(
    cwd,
    'req',
    '-x509',
    '-new',
    '-key',
    `${name}-key.pem`,
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
  );
}

function signed(cwd: string, ca: string, name: string, extensions: string): void {
  newKey(cwd, `${name}-key.pem`);
  openssl(
    cwd,
    'req',
    '-new',
    '-key',
    `${name}-key.pem`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`,
  );
  fs.writeFileSync(path.join(cwd, `${name}.ext`), extensions);
  openssl(
    cwd,
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}-key.pem`,
    '-CAcreateserial',
    '-out',
    `${name}-cert.pem`,
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
  );
}

function certDir(root: string, name: string, ca: string, cert: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(root, `${ca}.pem`), path.join(dir, 'ca.pem'));
  fs.copyFileSync(path.join(root, `${cert}-cert.pem`), path.join(dir, 'cert.pem'));
  fs.copyFileSync(path.join(root, `${cert}-key.pem`), path.join(dir, 'key.pem'));
  return dir;
}

/** Generates, with openssl, a CA, a server certificate for 127.0.0.1 and client certificates (good and bad). */
export function generateTestCerts(
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-tls-')),
): TestCerts {
  newCa(root, 'ca');
  newCa(root, 'rogue-ca');
  signed(
    root,
    'ca',
    'server',
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  signed(root, 'ca', 'client', 'extendedKeyUsage=clientAuth\n');
  signed(root, 'rogue-ca', 'rogue-client', 'extendedKeyUsage=clientAuth\n');
  return {
    root,
    server: {
      ca: path.join(root, 'ca.pem'),
      cert: path.join(root, 'server-cert.pem'),
      key: path.join(root, 'server-key.pem'),
    },
    clientDir: certDir(root, 'client', 'ca', 'client'),
    wrongClientDir: certDir(root, 'wrong-client', 'ca', 'rogue-client'),
    wrongCaDir: certDir(root, 'wrong-ca', 'rogue-ca', 'client'),
  };
}
