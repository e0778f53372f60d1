import type Dockerode from 'dockerode';
import { EventLineParser, type DockerEvent } from '../docker/docker-event';
import type { RunDockerEvent } from './run-types';
import { LABEL_RUN } from './run-context';

/**
 * Follows Docker's event stream for the lifetime of one run and keeps the events the run
 * caused: objects named after the run, labelled with it, or containers it created.
 */
export class RunEventFollower {
  readonly events: RunDockerEvent[] = [];
  private stream: (NodeJS.ReadableStream & { destroy?: () => void }) | null = null;
  private waiters: (() => void)[] = [];
  private readonly mountedVolumes = new Set<string>();
  private readonly exitCodes = new Map<string, number>();
  private readonly exitWaiters = new Map<string, ((code: number) => void)[]>();

  constructor(
    private readonly runId: string,
    private readonly containerIds: Set<string>,
    private readonly onEvent: (event: RunDockerEvent) => void,
    private readonly limit = 500,
  ) {}

  async start(docker: Dockerode, sinceMs: number): Promise<void> {
    const stream = (await docker.getEvents({ since: Math.floor(sinceMs / 1000) })) as NodeJS.ReadableStream & { destroy?: () => void };
    this.stream = stream;
    const parser = new EventLineParser((event) => this.consider(event));
    stream.on('data', (chunk: Buffer) => parser.push(chunk));
    stream.on('error', () => {});
  }

  private belongs(event: DockerEvent): boolean {
    const attrs = event.Actor.Attributes;
    // Volumes the run's containers mounted (anonymous ones carry no label): their later events too.
    if (event.Type === 'volume' && this.mountedVolumes.has(event.Actor.ID)) return true;
    if (attrs[LABEL_RUN] === this.runId) return true;
    if (this.containerIds.has(event.Actor.ID) || (attrs.container && this.containerIds.has(attrs.container))) return true;
    const name = attrs.name ?? event.Actor.ID;
    return name.includes(this.runId);
  }

  private consider(event: DockerEvent): void {
    if (!this.belongs(event)) return;
    const attrs = event.Actor.Attributes;
    if (event.Type === 'volume' && event.Action === 'mount') this.mountedVolumes.add(event.Actor.ID);
    if (event.Type === 'container' && event.Action === 'die' && /^\d+$/.test(attrs.exitCode ?? '')) {
      const code = Number(attrs.exitCode);
      this.exitCodes.set(event.Actor.ID, code);
      for (const wake of this.exitWaiters.get(event.Actor.ID) ?? []) wake(code);
      this.exitWaiters.delete(event.Actor.ID);
    }
    const record: RunDockerEvent = {
      type: event.Type,
      action: event.Action.split(':')[0] ?? event.Action,
      name: attrs.name ?? event.Actor.ID.slice(0, 64),
      at: Math.floor(event.timeNano / 1e6),
      ...(event.Type === 'container' ? { actorId: event.Actor.ID } : {}),
      ...(attrs.container ? { container: attrs.container } : {}),
    };
    if (this.events.length < this.limit) this.events.push(record);
    this.onEvent(record);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** True once an event of this type and action was seen; waits up to `ms` for it to arrive. */
  async seen(type: string, action: string, ms = 1500): Promise<boolean> {
    const has = () => this.events.some((e) => e.type === type && e.action === action);
    const deadline = Date.now() + ms;
    while (!has() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return has();
  }

  /** The exit code of the container's `die` event; stays pending when the stream never brings one. */
  exitSeen(containerId: string): Promise<number> {
    const known = this.exitCodes.get(containerId);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      this.exitWaiters.set(containerId, [...(this.exitWaiters.get(containerId) ?? []), resolve]);
    });
  }

  stop(): void {
    this.exitWaiters.clear();
    this.stream?.removeAllListeners('data');
    this.stream?.destroy?.();
    this.stream = null;
    for (const wake of this.waiters.splice(0)) wake();
  }
}
