import { createClient, detectTransport, type BerthClient } from './client';
import { prefetchFirstScreen } from './first-screen-prefetch';

let client: BerthClient | null = null;

/** The app's one client, created on first use; it asks at once for what the first screen shows. */
export function getApi(): BerthClient {
  if (!client) {
    client = createClient(detectTransport());
    prefetchFirstScreen(client.transport);
  }
  return client;
}

export { RpcError } from './rpc-error';
export type { BerthClient } from './client';
export { useEvent, useLinkState, useQuery } from './hooks';
