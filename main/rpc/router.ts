import {
  describeZodError,
  isEventName,
  isMethodName,
  methods,
  RpcFailure,
  type Disposer,
  type EventName,
  type MethodName,
  type Params,
  type Result,
  type RpcResponse,
} from '../contract';
import type { Logger } from '../services/logging/logger';
import type { EventHub } from './event-hub';

/** Who is calling: which transport and a description of the peer, for logs. */
export interface CallContext {
  transport: 'ipc' | 'ws' | 'local';
  peer: string;
}

/** Implements one contract method. */
export type Handler<M extends MethodName> = (
  params: Params<M>,
  context: CallContext,
) => Promise<Result<M>> | Result<M>;

/** Implementations of every contract method; the type checker insists none is missing. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** Implementations of the methods whose names start with `Prefix`. */
export type HandlersFor<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}.${string}` ? M : never]: Handler<M>;
};

/** One connected client (a window or a WebSocket) and its event subscriptions. */
export interface RpcSession {
  subscribe(event: string): RpcResponse<null>;
  unsubscribe(event: string): void;
  /** Drops every subscription of this session. */
  dispose(): void;
  readonly subscriptionCount: number;
}

function fail(code: RpcFailure['code'], message: string, details?: string): RpcResponse<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** The one router: validates every call against the contract and dispatches it to its handler. */
export class Router {
  constructor(
    private readonly handlers: Handlers,
    private readonly hub: EventHub,
    private readonly log: Logger,
  ) {}

  /** Validates and runs a call; never throws, always answers with an envelope. */
  async call(method: string, params: unknown, context: CallContext): Promise<RpcResponse> {
    if (!isMethodName(method)) {
      this.log.warn('refused unknown method', { method: method.slice(0, 100), peer: context.peer });
      return fail('unknown-method', `Unknown method "${method.slice(0, 100)}".`);
    }
    const spec = methods[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      const message = `Invalid parameters for ${method}: ${describeZodError(parsed.error, 'params')}`;
      this.log.warn('refused malformed call', { method, peer: context.peer, message });
      return fail('invalid-params', message);
    }
    try {
      const handler = this.handlers[method] as (p: unknown, c: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        const message = `The result of ${method} broke the contract: ${describeZodError(checked.error, 'result')}`;
        this.log.error(message, { method });
        return fail('invalid-result', message);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof RpcFailure) {
        this.log.info('call failed', { method, code: error.code, message: error.message });
        return fail(error.code, error.message, error.details);
      }
      const message = error instanceof Error ? error.message : String(error);
      this.log.error('handler threw', { method, error: message, stack: error instanceof Error ? error.stack : undefined });
      return fail('failed', `${method} failed: ${message}`);
    }
  }

  /** Opens a session that forwards subscribed events through `send` until disposed. */
  openSession(peer: string, send: (event: EventName, payload: unknown) => void): RpcSession {
    const subscriptions = new Map<EventName, Disposer>();
    const log = this.log;
    const hub = this.hub;
    return {
      subscribe(event: string): RpcResponse<null> {
        if (!isEventName(event)) {
          log.warn('refused subscription to unknown event', { event: event.slice(0, 100), peer });
          return fail('unknown-method', `Unknown event "${event.slice(0, 100)}".`);
        }
        if (!subscriptions.has(event)) subscriptions.set(event, hub.add(event, send));
        return { ok: true, value: null };
      },
      unsubscribe(event: string): void {
        if (!isEventName(event)) return;
        subscriptions.get(event)?.();
        subscriptions.delete(event);
      },
      dispose(): void {
        for (const dispose of subscriptions.values()) dispose();
        subscriptions.clear();
      },
      get subscriptionCount() {
        return subscriptions.size;
      },
    };
  }
}
