import { createClient, detectTransport, type BerthClient } from './client';

let client: BerthClient | null = null;

/** The app's one client, created on first use. */
export function getApi(): BerthClient {
  client ??= createClient(detectTransport());
  return client;
}

export { RpcError } from './rpc-error';
export type { BerthClient } from './client';
export { useEvent, useLinkState, useQuery } from './hooks';
