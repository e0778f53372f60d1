import type { RpcResponse } from '@contract/errors';

/** Whether the renderer can currently reach the main process. */
export type LinkState = 'connecting' | 'open' | 'lost';

/** How the client reaches the router: Electron IPC through the preload, or a WebSocket. */
export interface Transport {
  readonly kind: 'ipc' | 'ws';
  call(method: string, params: unknown): Promise<RpcResponse>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  onLinkState(listener: (state: LinkState) => void): () => void;
  readonly linkState: LinkState;
}
