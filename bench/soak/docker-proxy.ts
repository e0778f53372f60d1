import fs from 'node:fs';
import net from 'node:net';

/**
 * A Unix-socket forwarder between Berth and the private daemon, so that the soak can cut Berth off
 * Docker while the daemon stays up for the driver: `cut()` ends every forwarded connection and
 * refuses new ones (Berth sees its event stream end and its reconnects fail), `restore()` lets
 * connections through again. Bytes are piped as they are (HTTP, hijacked attach streams alike).
 */
export class DockerProxy {
  readonly host: string;
  private readonly sockets = new Set<net.Socket>();
  private readonly server: net.Server;
  private open = true;

  constructor(
    readonly socketPath: string,
    private readonly upstreamPath: string,
  ) {
    this.host = `unix://${socketPath}`;
    this.server = net.createServer((client) => this.forward(client));
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private forward(client: net.Socket): void {
    this.track(client);
    client.on('error', () => undefined);
    if (!this.open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.upstreamPath);
    this.track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** Starts listening (replacing a stale socket file). */
  async listen(): Promise<void> {
    fs.rmSync(this.socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.socketPath, () => resolve());
    });
  }

  /** Cuts Berth off: ends every open connection and refuses new ones until `restore()`. */
  cut(): void {
    this.open = false;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.open = true;
  }

  /** Stops listening and ends every connection. */
  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
