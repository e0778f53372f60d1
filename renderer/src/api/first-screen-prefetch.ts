import type { RpcResponse } from '@contract/errors';
import type { Transport } from './transport';

/** How long an unclaimed answer is kept: past the page's start, a feature asks for itself. */
const KEEP_MS = 15_000;

const answers = new Map<string, Promise<RpcResponse>>();

const keyOf = (method: string, params: unknown) => `${method}:${JSON.stringify(params)}`;

/**
 * Asks for what the first screen shows, the vault and its first note, as soon as the page has
 * its transport: while the page's script, React and the shell are still starting, not after the
 * features mount (the note then waited a round trip per step behind the shell's first render).
 * The answers are handed out once by `takePrefetched`. A `vault.changed` event drops the answers
 * asked before it, so a feature never gets a note older than the change it saw; the note is still
 * asked for when the vault's answer comes after the event (at start the host announces the vault
 * as it answers: dropping the note then made it wait for the reader to mount and ask again).
 */
export function prefetchFirstScreen(transport: Transport): void {
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    answers.clear();
    unsubscribe();
    clearTimeout(expiry);
  };
  // Read after the event, the note is as new as the change it announced, whatever vault.info said.
  const unsubscribe = transport.subscribe('vault.changed', () => answers.clear());
  const expiry = setTimeout(stop, KEEP_MS);
  const info = transport.call('vault.info', {});
  answers.set(keyOf('vault.info', {}), info);
  void info.then((response) => {
    const initialNote = response.ok ? (response.value as { initialNote?: unknown }).initialNote : undefined;
    if (stopped || typeof initialNote !== 'string' || !initialNote) return;
    const params = { path: initialNote };
    answers.set(keyOf('vault.readNote', params), transport.call('vault.readNote', params));
  });
}

/** The prefetched answer to exactly this call, handed out once; undefined when there is none. */
export function takePrefetched(method: string, params: unknown): Promise<RpcResponse> | undefined {
  if (answers.size === 0) return undefined;
  const key = keyOf(method, params);
  const answer = answers.get(key);
  answers.delete(key);
  return answer;
}
