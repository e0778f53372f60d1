import type { RpcResponse } from '@contract/errors';
import type { LinkState, Transport } from './transport';

/** A call the fake transport received, answered when the test says so. */
export interface FakeCall {
  method: string;
  params: unknown;
  answer: (response: RpcResponse) => void;
}

/**
 * A transport whose calls are answered by the test (tests only: a unit of the api in isolation,
 * no page, no host). `emit` delivers an event to its subscribers, `setLink` changes the link.
 */
export function fakeTransport() {
  const calls: FakeCall[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(state: LinkState) => void>();
  const transport: Transport = {
    kind: 'ws',
    linkState: 'open',
    call: (method, params) => new Promise<RpcResponse>((answer) => calls.push({ method, params, answer })),
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    onLinkState(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };
  const emit = (event: string, payload: unknown = { kind: 'changed', paths: [] }) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const setLink = (state: LinkState) => {
    for (const listener of linkListeners) listener(state);
  };
  return { transport, calls, emit, setLink, listeners };
}
