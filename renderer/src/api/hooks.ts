import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { EventName, EventPayload, MethodName, ParamsIn, Result } from '@contract';
import { getApi } from './index';
import type { LinkState } from './transport';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  refetch: () => void;
}

/**
 * A query that failed for a reason that may pass (Docker restarting or slow to answer: `unavailable`,
 * `failed`, or no answer at all) is asked again after this long, doubling up to `QUERY_RETRY_MAX_MS`
 * while it keeps failing. Without it, a list whose first answer failed showed only the error until
 * some unrelated event came (the soak once found the Docker browser's Volumes empty for 15 s after a
 * daemon restart).
 */
export const QUERY_RETRY_FIRST_MS = 2000;
const QUERY_RETRY_MAX_MS = 30_000;
const mayPass = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === undefined || code === 'unavailable' || code === 'failed';
};

export interface QueryOptions {
  /** Events that make this query stale; it re-runs when any of them arrives. */
  invalidateOn?: EventName[];
  /** False: the query does not run (same as passing `null` params). */
  enabled?: boolean;
}

/**
 * Runs a contract query and keeps it fresh: events only invalidate, the query is the truth.
 * Overlapping invalidations collapse into one re-run; the last data stays shown meanwhile.
 * Identical queries in flight share one call (`BerthClient.query`), never one begun before an event.
 * `params` null: there is nothing to ask yet (no note open, no run chosen); the query waits.
 */
export function useQuery<M extends MethodName>(method: M, params: ParamsIn<M> | null, options: QueryOptions = {}): QueryState<Result<M>> {
  const [data, setData] = useState<Result<M>>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const key = `${method}:${JSON.stringify(params)}`;
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const running = useRef(false);
  const dirty = useRef(false);
  const alive = useRef(true);
  const retry = useRef<{ timer?: number; delay: number }>({ delay: QUERY_RETRY_FIRST_MS });
  const enabled = (options.enabled ?? true) && params !== null;
  const invalidateKey = (options.invalidateOn ?? []).join(',');

  const run = useCallback(() => {
    const asked = paramsRef.current;
    if (!enabled || asked === null) return;
    if (running.current) {
      dirty.current = true;
      return;
    }
    running.current = true;
    window.clearTimeout(retry.current.timer);
    setLoading(true);
    getApi()
      .query(method, asked)
      .then(
        (value) => {
          if (!alive.current) return;
          retry.current.delay = QUERY_RETRY_FIRST_MS;
          setData(value);
          setError(undefined);
        },
        (err: unknown) => {
          if (!alive.current) return;
          setError(err instanceof Error ? err : new Error(String(err)));
          if (!mayPass(err)) return;
          const wait = retry.current.delay;
          retry.current.delay = Math.min(wait * 2, QUERY_RETRY_MAX_MS);
          retry.current.timer = window.setTimeout(run, wait);
        },
      )
      .finally(() => {
        running.current = false;
        if (!alive.current) return;
        setLoading(false);
        if (dirty.current) {
          dirty.current = false;
          run();
        }
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled]);

  useEffect(() => {
    alive.current = true;
    run();
    const api = getApi();
    const disposers = invalidateKey
      .split(',')
      .filter(Boolean)
      .map((event) => api.on(event as EventName, () => run()));
    disposers.push(api.transport.onLinkState((state) => state === 'open' && run()));
    const retrying = retry.current;
    return () => {
      alive.current = false;
      window.clearTimeout(retrying.timer);
      for (const dispose of disposers) dispose();
    };
  }, [run, invalidateKey]);

  return { data, error, loading, refetch: run };
}

/** Calls `listener` for every `event` while the component is mounted. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => getApi().on(event, (payload) => ref.current(payload)), [event]);
}

/** Whether the renderer can reach the main process (always open over IPC). */
export function useLinkState(): LinkState {
  // An external store: a change between the first render and the subscription is not missed
  // (with useState + an effect, a socket that opened in between left "Connecting…" up for good).
  return useSyncExternalStore(
    (onChange) => getApi().transport.onLinkState(onChange),
    () => getApi().transport.linkState,
  );
}
