import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A Docker daemon of our own for tests that stop, kill or freeze the daemon, so that the shared
 * one (used by every other test and engineer) is never touched. It has its own socket, data
 * root, exec root, containerd and bridge. (Never `--bridge none`: libnetwork then deletes the
 * host's docker0, breaking every container of the shared daemon.)
 */
export class PrivateDockerd {
  readonly root: string;
  readonly socket: string;
  readonly host: string;
  private readonly pidFile: string;
  private readonly logFile: string;
  private readonly bridge: string;
  private readonly subnet: string;

  /** `extraArgs` go to dockerd as they are, e.g. `-H tcp://127.0.0.1:2376 --tlsverify ...`. */
  constructor(
    readonly name = 'berth-e2e',
    private readonly extraArgs: string[] = [],
  ) {
    this.root = path.join('/run', name);
    this.socket = path.join(this.root, 'docker.sock');
    this.host = `unix://${this.socket}`;
    this.pidFile = path.join(this.root, 'docker.pid');
    this.logFile = path.join('/tmp', `${name}-dockerd.log`);
    const hash = createHash('sha1').update(name).digest();
    this.bridge = `bt${hash.toString('hex').slice(0, 8)}`;
    this.subnet = `10.214.${20 + (hash[0]! % 200)}.1/24`;
  }

  private ensureBridge(): void {
    try {
      execFileSync('ip', ['link', 'show', this.bridge], { stdio: 'ignore' });
    } catch {
      execFileSync('ip', ['link', 'add', this.bridge, 'type', 'bridge']);
      execFileSync('ip', ['addr', 'add', this.subnet, 'dev', this.bridge]);
      execFileSync('ip', ['link', 'set', this.bridge, 'up']);
    }
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
    this.ensureBridge();
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn(
      'dockerd',
      [
        '--host', this.host,
        '--data-root', path.join('/var/lib', this.name),
        '--exec-root', path.join(this.root, 'exec'),
        '--pidfile', this.pidFile,
        '--bridge', this.bridge,
        '--iptables=false',
        '--ip-masq=false',
        ...this.extraArgs,
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
    // A killed dockerd leaves its own containerd behind; end exactly that one (by its pid file)
    // and wait until it is gone, or the next dockerd waits for the dying one.
    const containerdPidFile = path.join(this.root, 'exec', 'containerd', 'containerd.pid');
    let containerd = 0;
    try {
      containerd = Number(fs.readFileSync(containerdPidFile, 'utf8').trim());
      if (containerd > 0) process.kill(containerd, 'SIGKILL');
    } catch {
      // none running
    }
    const alive = () => {
      try {
        process.kill(containerd, 0);
        return true;
      } catch {
        return false;
      }
    };
    const until = Date.now() + 15_000;
    while (containerd > 0 && alive() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    fs.rmSync(containerdPidFile, { force: true });
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) the daemon, to test a daemon that stops answering. */
  freeze(frozen: boolean): void {
    const pid = this.pid();
    if (pid) process.kill(pid, frozen ? 'SIGSTOP' : 'SIGCONT');
  }
}
