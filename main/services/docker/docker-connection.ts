import fs from 'node:fs';
import type Dockerode from 'dockerode';
import { RpcFailure, type Disposer, type DockerStatus } from '../../contract';
import { describeEngine } from './identify-engine';
import { classifyDockerError, compareApiVersions, MIN_API_VERSION } from './classify-error';
import { EventLineParser, type DockerEvent } from './docker-event';
import { listeners, type Listener } from './listener-set';
import type { DockerEndpoint } from './resolve-endpoint';
import { loadDockerode } from './load-dockerode';
import type { ConnectedInfo, DockerConnectionOptions } from './docker-connection-options';

export type { ConnectedInfo, DockerConnectionOptions } from './docker-connection-options';
import { withDeadline } from './with-deadline';

/**
 * One connection to a Docker daemon: resolves the endpoint like the CLI, keeps the state a
 * person sees, follows the event stream on its own client (no request timeout), pings to
 * notice a daemon that stopped answering, and reconnects with backoff.
 */
export class DockerConnection {
  private state: DockerStatus;
  private query: Dockerode | null = null;
  private streaming: Dockerode | null = null;
  private eventStream: NodeJS.ReadableStream | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private generation = 0;
  private stopped = true;
  private everConnected = false;
  private lastEventNano = 0;
  private readonly statusListeners = listeners<DockerStatus>();
  private readonly eventListeners = listeners<DockerEvent>();
  private readonly connectedListeners = listeners<ConnectedInfo>();
  private readonly backoff: number[];
  private readonly healthIntervalMs: number;
  private readonly requestTimeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: DockerConnectionOptions) {
    this.backoff = options.backoffMs ?? [0, 1000, 2000, 4000, 5000];
    this.healthIntervalMs = options.healthIntervalMs ?? 2000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 4000;
    this.now = options.now ?? Date.now;
    this.state = { state: 'connecting', host: '', source: 'default', message: 'Connecting to Docker…', since: this.now() };
  }

  get status(): DockerStatus {
    return this.state;
  }

  /** A client for short requests (with a timeout); null while disconnected. */
  get queryClient(): Dockerode | null {
    return this.state.state === 'connected' ? this.query : null;
  }

  /** A client without a request timeout, for streams, builds, pulls and waits; null while disconnected. */
  get streamingClient(): Dockerode | null {
    return this.state.state === 'connected' ? this.streaming : null;
  }

  /** The query client, or a readable failure saying why Docker cannot be used now. */
  requireClient(kind: 'query' | 'streaming' = 'query'): Dockerode {
    const client = kind === 'query' ? this.queryClient : this.streamingClient;
    if (!client) throw new RpcFailure('unavailable', this.state.message, this.state.hint);
    return client;
  }

  /** Daemon time (ns since the epoch) up to which events were followed: the last event seen, or the daemon's clock when first reached; 0 before that. */
  get lastEventTimeNano(): number {
    return this.lastEventNano;
  }

  onStatus(listener: Listener<DockerStatus>): Disposer {
    return this.statusListeners.add(listener);
  }

  onEvent(listener: Listener<DockerEvent>): Disposer {
    return this.eventListeners.add(listener);
  }

  /** Called after every successful (re)connect: the moment to reconcile by listing. */
  onConnected(listener: Listener<ConnectedInfo>): Disposer {
    return this.connectedListeners.add(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    this.clearTimers();
    this.closeStream();
  }

  /** Drops the connection and tries again at once. */
  reconnect(): void {
    this.generation++;
    this.clearTimers();
    this.closeStream();
    this.attempt = 0;
    this.stopped = false;
    void this.connect();
  }

  /**
   * Moves to the endpoint the resolver names now, another engine: nothing of the old one carries
   * over (no event replay from its clock; listeners see a first connect, not a reconnect).
   */
  switchEndpoint(): void {
    this.lastEventNano = 0;
    this.everConnected = false;
    this.query = null;
    this.streaming = null;
    this.setStatus({ state: 'connecting', host: '', source: 'default', message: 'Switching engine…' });
    this.reconnect();
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.retryTimer = null;
    this.healthTimer = null;
  }

  private closeStream(): void {
    const stream = this.eventStream as (NodeJS.ReadableStream & { destroy?: () => void }) | null;
    this.eventStream = null;
    stream?.removeAllListeners?.();
    stream?.on?.('error', () => {});
    stream?.destroy?.();
  }

  private setStatus(next: Omit<DockerStatus, 'since'> & { since?: number }): void {
    const changed = next.state !== this.state.state || next.message !== this.state.message;
    this.state = { ...next, since: changed ? this.now() : (next.since ?? this.state.since) };
    this.statusListeners.emit(this.state);
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    let endpoint: DockerEndpoint;
    try {
      endpoint = this.options.resolveEndpoint();
    } catch (error) {
      this.fail(generation, { url: '(unresolved)', source: 'default', options: {} }, error, true);
      return;
    }
    const base = { host: endpoint.url, source: endpoint.source, ...(endpoint.context ? { context: endpoint.context } : {}) };
    if (this.state.state === 'connecting') {
      // Only the first attempt says "connecting"; retries keep showing why the last one failed.
      this.setStatus({ ...base, state: 'connecting', message: `Connecting to Docker at ${endpoint.url}…` });
    }
    try {
      if (endpoint.socketPath && !endpoint.socketPath.startsWith('\\\\')) {
        await fs.promises.stat(endpoint.socketPath);
      }
      // docker-modem's ssh transport cannot take a socket timeout (its channel has no
      // setTimeout), so over ssh:// the connect and health requests get a deadline here.
      const overSsh = endpoint.options.protocol === 'ssh';
      const Client = loadDockerode();
      const query = new Client({ ...endpoint.options, ...(overSsh ? {} : { timeout: this.requestTimeoutMs }) });
      const [version, info] = await this.deadline(Promise.all([query.version(), query.info()]));
      if (generation !== this.generation) return;
      const apiVersion = String(version.ApiVersion ?? '');
      if (compareApiVersions(apiVersion, MIN_API_VERSION) < 0) {
        this.setStatus({
          ...base,
          state: 'incompatible-api',
          message: `Docker Engine ${version.Version} speaks API ${apiVersion}; Berth needs ${MIN_API_VERSION} or newer`,
          hint: 'Update Docker Engine to 20.10 or newer.',
        });
        this.scheduleRetry(generation, 5000);
        return;
      }
      const streaming = new Client({ ...endpoint.options });
      // First reached: events are followed from the daemon's clock now, so a stream opened again
      // (after a ping timed out, say) asks for what happened meanwhile, even before any event.
      if (this.lastEventNano === 0) {
        const daemonNow = Date.parse(String(info.SystemTime ?? ''));
        if (Number.isFinite(daemonNow)) this.lastEventNano = daemonNow * 1e6;
      }
      const since = this.lastEventNano > 0 ? Math.floor(this.lastEventNano / 1e9) : undefined;
      const stream: NodeJS.ReadableStream = await streaming.getEvents(since ? { since } : {});
      if (generation !== this.generation) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        return;
      }
      const engine = describeEngine(version, info, apiVersion);
      this.query = query;
      this.streaming = streaming;
      this.followEvents(generation, stream, endpoint);
      const reconnect = this.everConnected;
      this.everConnected = true;
      this.attempt = 0;
      this.setStatus({ ...base, state: 'connected', message: `Connected to ${engine.productName ?? 'Docker Engine'} ${engine.version}`, engine });
      this.options.log.info('connected', { host: endpoint.url, version: engine.version, api: apiVersion, reconnect });
      this.startHealthChecks(generation, endpoint);
      this.connectedListeners.emit({ reconnect, engine });
    } catch (error) {
      this.fail(generation, endpoint, error);
    }
  }

  private followEvents(generation: number, stream: NodeJS.ReadableStream, endpoint: DockerEndpoint): void {
    this.eventStream = stream;
    // Events up to here were seen on the previous stream; `since` (whole seconds) replays some.
    // Only those are dropped: live events may arrive slightly out of timeNano order, because
    // the Engine stamps the time before it takes the lock that orders the stream.
    const seenUpTo = this.lastEventNano;
    const parser = new EventLineParser(
      (event) => {
        if (seenUpTo > 0 && event.timeNano <= seenUpTo) return;
        this.lastEventNano = Math.max(this.lastEventNano, event.timeNano);
        this.eventListeners.emit(event);
      },
      (line) => this.options.log.warn('malformed event line', { line }),
    );
    stream.on('data', (chunk: Buffer) => parser.push(chunk));
    const lost = (error?: unknown) => {
      if (generation !== this.generation) return;
      this.fail(generation, endpoint, error ?? Object.assign(new Error('The Docker event stream ended'), { code: 'ECONNRESET' }));
    };
    stream.on('end', () => lost());
    stream.on('close', () => lost());
    stream.on('error', (error) => lost(error));
  }

  private startHealthChecks(generation: number, endpoint: DockerEndpoint): void {
    let inFlight = false;
    this.healthTimer = setInterval(() => {
      if (inFlight || generation !== this.generation || !this.query) return;
      inFlight = true;
      this.deadline(this.query.ping())
        .catch((error: unknown) => {
          if (generation === this.generation) this.fail(generation, endpoint, error);
        })
        .finally(() => {
          inFlight = false;
        });
    }, this.healthIntervalMs);
  }

  private deadline<T>(work: Promise<T>): Promise<T> {
    return withDeadline(work, this.requestTimeoutMs);
  }

  private fail(generation: number, endpoint: DockerEndpoint, error: unknown, configError = false): void {
    if (generation !== this.generation || this.stopped) return;
    this.generation++;
    const nextGeneration = this.generation;
    this.clearTimers();
    this.closeStream();
    this.query = null;
    this.streaming = null;
    const classified = configError
      ? { state: 'unreachable' as const, message: 'Berth cannot tell which Docker to use', hint: error instanceof Error ? error.message : String(error), detail: String(error) }
      : classifyDockerError(error, endpoint.url, endpoint.socketPath, {
          ...(endpoint.certDir ? { certDir: endpoint.certDir } : {}),
          clientCert: Boolean(endpoint.options.cert),
          ...(endpoint.hostKeyCheck ? { hostKey: endpoint.hostKeyCheck } : {}),
        });
    const delay = this.backoff[Math.min(this.attempt, this.backoff.length - 1)] ?? 5000;
    this.attempt++;
    this.setStatus({
      state: classified.state,
      host: endpoint.url,
      source: endpoint.source,
      ...(endpoint.context ? { context: endpoint.context } : {}),
      message: classified.message,
      ...(classified.hint ? { hint: classified.hint } : {}),
      detail: classified.detail,
      retry: { attempt: this.attempt, nextAt: this.now() + delay },
    });
    if (this.attempt === 1) this.options.log.warn('disconnected', { state: classified.state, detail: classified.detail });
    this.scheduleRetry(nextGeneration, delay);
  }

  private scheduleRetry(generation: number, delay: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      if (generation === this.generation && !this.stopped) void this.connect();
    }, delay);
  }
}
