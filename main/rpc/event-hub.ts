import {
  events,
  type Disposer,
  type EventName,
  type EventPayload,
  type Publish,
} from '../contract';
import type { Logger } from '../services/logging/logger';

type Listener = (event: EventName, payload: unknown) => void;

/** Fans contract events out to subscribers; payloads are checked against the contract first. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener>>();

  constructor(private readonly log: Logger) {}

  /** Publishes an event; a payload that breaks the contract is logged and dropped. */
  readonly publish: Publish = (event, payload) => {
    const parsed = events[event].payload.safeParse(payload);
    if (!parsed.success) {
      this.log.error('event payload breaks the contract; dropped', { event, issues: parsed.error.issues.slice(0, 3) });
      return;
    }
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(event, parsed.data);
      } catch (error) {
        this.log.error('event listener threw', { event, error: String(error) });
      }
    }
  };

  /** Adds a listener for one event. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Disposer {
    const wrapped: Listener = (_e, payload) => listener(payload as EventPayload<E>);
    return this.add(event, wrapped);
  }

  /** Adds a listener that also receives the event name (used by transports). */
  add(event: EventName, listener: Listener): Disposer {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Number of listeners, for tests and leak checks. */
  listenerCount(event?: EventName): number {
    if (event) return this.listeners.get(event)?.size ?? 0;
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
