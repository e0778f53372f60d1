import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const SSHD = '/usr/sbin/sshd';

/** True when OpenSSH's server is installed (`.ci/run` installs openssh-server). */
export function hasSshd(): boolean {
  return fs.existsSync(SSHD) && spawnSync('ssh-keygen', ['-V']).error === undefined;
}

/**
 * An sshd of our own on 127.0.0.1:<free port>, with a generated host key and one authorized client
 * key, in a temp dir. The client key may only run `forcedCommand` (e.g. `docker -H … system
 * dial-stdio`), so a test reaches exactly the daemon it means to. Never the system's sshd.
 */
export class PrivateSshd {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-sshd-'));
  /** A home folder for the client: .ssh/id_ed25519 (+ .pub); known_hosts is up to the test. */
  readonly clientHome = path.join(this.dir, 'home');
  /** Set it before start() to choose the port; 0 takes a free one. */
  port = 0;
  private child: ChildProcess | undefined;
  private readonly logFile = path.join(this.dir, 'sshd.log');

  constructor(private readonly forcedCommand: string) {}

  private keygen(file: string): string {
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test', '-f', file], {
      stdio: 'ignore',
    });
    return fs.readFileSync(`${file}.pub`, 'utf8').trim();
  }

  /** The known_hosts line for this server, as `ssh` would write it. */
  knownHostsLine(): string {
    const [type, blob] = fs
      .readFileSync(path.join(this.dir, 'host_key.pub'), 'utf8')
      .trim()
      .split(/\s+/);
    return `[127.0.0.1]:${this.port} ${type} ${blob}`;
  }

  /** A fresh host key of the same type, to play a server whose key changed. */
  otherHostKeyLine(): string {
    const file = path.join(this.dir, 'other_host_key');
    const [type, blob] = this.keygen(file).split(/\s+/);
    return `[127.0.0.1]:${this.port} ${type} ${blob}`;
  }

  async start(): Promise<void> {
    const sshDir = path.join(this.clientHome, '.ssh');
    fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
    const hostKey = path.join(this.dir, 'host_key');
    this.keygen(hostKey);
    const clientPub = this.keygen(path.join(sshDir, 'id_ed25519'));
    const authorized = path.join(this.dir, 'authorized_keys');
    fs.writeFileSync(
      authorized,
      `command="${this.forcedCommand}",no-pty,no-port-forwarding,no-agent-forwarding,no-X11-forwarding ${clientPub}\n`,
      { mode: 0o600 },
    );
    if (!this.port) {
      const server = net.createServer();
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      this.port = (server.address() as net.AddressInfo).port;
      await new Promise((r) => server.close(r));
    }
    const config = path.join(this.dir, 'sshd_config');
    fs.writeFileSync(
      config,
      [
        `Port ${this.port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `PidFile ${path.join(this.dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${authorized}`,
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'StrictModes no',
        'UsePAM no',
        '',
      ].join('\n'),
    );
    fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege-separation dir
    const log = fs.openSync(this.logFile, 'a');
    this.child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) break;
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect(this.port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (open) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`sshd did not start: ${fs.readFileSync(this.logFile, 'utf8').slice(-500)}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
