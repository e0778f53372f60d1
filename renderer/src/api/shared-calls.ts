import type { RpcResponse } from '@contract/errors';

/**
 * Identical queries in flight at the same time share one call: the suggested demo cards of a long
 * note each ask `demos.list` and `suggestions.forNote` as they appear (55 calls while the 1 MB
 * prose note of bench:bignote opened), and each call cost a round trip, a parse and an encode on
 * main and a state update in the page. Only the call in flight is shared, never kept afterwards.
 *
 * Events invalidate, queries are the truth: a call that started before an event arrived may answer
 * with what the event says has changed, so once any event arrives no later caller joins a call
 * already in flight; they start a fresh one, which later callers share in turn.
 */
export interface SharedCalls {
  /**
   * The response of the identical call (same method, same params) in flight that started after the
   * last event; else `start()`'s, which the next identical callers share until it settles.
   */
  run(method: string, params: unknown, start: () => Promise<RpcResponse>): Promise<RpcResponse>;
  /** An event arrived: the calls in flight are no longer joined. Called before its listeners run. */
  eventArrived(): void;
}

/** Creates the table of shared calls in flight (one per client). */
export function createSharedCalls(): SharedCalls {
  const inFlight = new Map<string, Promise<RpcResponse>>();
  return {
    run(method, params, start) {
      const key = `${method}:${JSON.stringify(params)}`;
      const joined = inFlight.get(key);
      if (joined) return joined;
      const call = start();
      inFlight.set(key, call);
      const settle = () => {
        if (inFlight.get(key) === call) inFlight.delete(key);
      };
      call.then(settle, settle);
      return call;
    },
    eventArrived() {
      inFlight.clear();
    },
  };
}
