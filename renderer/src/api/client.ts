import type { Disposer, EventName, EventPayload, MethodName, ParamsIn, Result } from '@contract';
import type { PreloadApi } from '@contract/channels';
import type { RpcResponse } from '@contract/errors';
import { createEventRelay } from './event-relay';
import { takePrefetched } from './first-screen-prefetch';
import { createIpcTransport } from './ipc-transport';
import { RpcError } from './rpc-error';
import { createSharedCalls } from './shared-calls';
import type { Transport } from './transport';
import { createWsTransport, takeToken } from './ws-transport';

/** The typed client every feature uses to reach the main process. */
export interface BerthClient {
  readonly transport: Transport;
  /** Calls a contract method; resolves with its result or rejects with an RpcError. */
  call<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<Result<M>>;
  /**
   * Calls a method that only reads, like `call`, but joins an identical call in flight that
   * started after the last event (see shared-calls.ts): for queries, never for changes.
   */
  query<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<Result<M>>;
  /** Listens to a contract event until the returned disposer is called. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Disposer;
}

/** Wraps a transport in the typed client. */
export function createClient(transport: Transport): BerthClient {
  const shared = createSharedCalls();
  const events = createEventRelay(transport, shared.eventArrived);
  const send = (method: string, params: unknown) => takePrefetched(method, params) ?? transport.call(method, params);
  const valueOf = (response: RpcResponse) => {
    if (!response.ok) throw new RpcError(response.error);
    return response.value;
  };
  return {
    transport,
    async call(method, params) {
      return valueOf(await send(method, params)) as Result<typeof method>;
    },
    async query(method, params) {
      return valueOf(await shared.run(method, params, () => send(method, params))) as Result<typeof method>;
    },
    on(event, listener) {
      return events.on(event, listener as (payload: unknown) => void);
    },
  };
}

/** Picks the transport: the preload's `window.api` in Electron, else the WebSocket of web mode. */
export function detectTransport(): Transport {
  const preload = (window as unknown as { api?: PreloadApi }).api;
  if (preload) return createIpcTransport(preload);
  const token = takeToken();
  if (!token) {
    throw new Error('This page was opened without its access token. Open the address Berth printed when it started (it ends in #token=…).');
  }
  return createWsTransport(token);
}
