import type { RawEvent } from '../../contract/volumes';
import type { DockerEvent } from '../docker/docker-event';

/**
 * The last raw Docker events, for the events panel, and how many happened while Berth was
 * disconnected (those the daemon replays after a reconnect, dated before it).
 */
export class EventLog {
  private readonly buffer: RawEvent[] = [];
  private seq = 0;
  private missed = 0;
  /** Events dated before this moment (ns) arrived late: they happened while we were away. */
  private reconnectedAtNano = 0;
  /** Actors of events replayed since the last reconnect: changes they explain are not counted twice. */
  readonly replayedActors = new Set<string>();

  constructor(
    private readonly capacity = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Marks a reconnect: events dated earlier than now that still arrive were missed live. */
  markReconnected(): void {
    this.reconnectedAtNano = this.now() * 1e6;
    this.replayedActors.clear();
  }

  /** Counts changes found only by listing after a reconnect. */
  addMissed(count: number): void {
    this.missed += count;
  }

  get missedWhileDisconnected(): number {
    return this.missed;
  }

  add(event: DockerEvent): RawEvent {
    const replayed = this.reconnectedAtNano > 0 && event.timeNano < this.reconnectedAtNano - 50e6;
    if (replayed) {
      this.missed++;
      this.replayedActors.add(event.Actor.ID);
      if (event.Actor.Attributes.container)
        this.replayedActors.add(event.Actor.Attributes.container);
    }
    const raw: RawEvent = {
      seq: ++this.seq,
      type: event.Type,
      action: event.Action,
      actorId: event.Actor.ID,
      attributes: event.Actor.Attributes,
      ...(event.scope ? { scope: event.scope } : {}),
      timeNano: event.timeNano,
      receivedAt: this.now(),
      ...(replayed ? { replayed: true } : {}),
    };
    this.buffer.push(raw);
    if (this.buffer.length > this.capacity)
      this.buffer.splice(0, this.buffer.length - this.capacity);
    return raw;
  }

  /** The newest `limit` events, oldest first. */
  recent(limit = 1000): RawEvent[] {
    return this.buffer.slice(-limit);
  }
}
