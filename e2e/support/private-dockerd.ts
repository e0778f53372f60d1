import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A Docker daemon of our own for tests that stop, kill or freeze the daemon, so that the shared
 * one (used by every other test and engineer) is never touched. It has its own socket, data
 * root, exec root and containerd, and no networking of its own.
 */
export class PrivateDockerd {
  readonly root: string;
  readonly socket: string;
  readonly host: string;
  private readonly pidFile: string;
  private readonly logFile: string;

  constructor(readonly name = 'berth-e2e') {
    this.root = path.join('/run', name);
    this.socket = path.join(this.root, 'docker.sock');
    this.host = `unix://${this.socket}`;
    this.pidFile = path.join(this.root, 'docker.pid');
    this.logFile = path.join('/tmp', `${name}-dockerd.log`);
  }

  /** Runs the docker CLI against this daemon. */
  docker(...args: string[]): string {
    return execFileSync('docker', args, { env: { ...process.env, DOCKER_HOST: this.host }, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  isUp(): boolean {
    try {
      this.docker('version', '--format', '{{.Server.Version}}');
      return true;
    } catch {
      return false;
    }
  }

  pid(): number | undefined {
    try {
      const pid = Number(fs.readFileSync(this.pidFile, 'utf8').trim());
      process.kill(pid, 0);
      return pid;
    } catch {
      return undefined;
    }
  }

  /** Starts the daemon (if it is not up) and waits until it answers. */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.isUp()) return;
    fs.mkdirSync(this.root, { recursive: true });
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn(
      'dockerd',
      [
        '--host', this.host,
        '--data-root', path.join('/var/lib', this.name),
        '--exec-root', path.join(this.root, 'exec'),
        '--pidfile', this.pidFile,
        '--bridge', 'none',
        '--iptables=false',
        '--ip-masq=false',
      ],
      { detached: true, stdio: ['ignore', log, log] },
    );
    child.unref();
    fs.closeSync(log);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.isUp()) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`private dockerd did not come up; see ${this.logFile}`);
  }

  /** Stops the daemon: SIGTERM (graceful) or SIGKILL (crash), and waits until it is gone. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const pid = this.pid();
    if (pid) process.kill(pid, signal);
    const deadline = Date.now() + 30_000;
    while (this.pid() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // A killed dockerd leaves its containerd behind; end it too so the next start is clean.
    try {
      execFileSync('pkill', ['-KILL', '-f', path.join(this.root, 'exec', 'containerd')]);
    } catch {
      // none running
    }
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the daemon, to test a daemon that stops answering. */
  freeze(frozen: boolean): void {
    const pid = this.pid();
    if (pid) process.kill(pid, frozen ? 'SIGSTOP' : 'SIGCONT');
  }
}
