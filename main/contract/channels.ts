/**
 * The only Electron IPC channels Berth uses. Every RPC method and event travels over these,
 * so the preload never grows a channel per feature.
 */
export const IpcChannel = {
  Call: 'berth:rpc:call',
  Subscribe: 'berth:rpc:subscribe',
  Unsubscribe: 'berth:rpc:unsubscribe',
  Event: 'berth:rpc:event',
} as const;

/** Path of the WebSocket endpoint in web mode. */
export const WS_PATH = '/rpc';
/** Name of the query parameter that carries the per-run token on the WebSocket URL. */
export const WS_TOKEN_PARAM = 'token';

/** What the preload exposes as `window.api`: the whole surface the renderer gets from Electron. */
export interface PreloadApi {
  call(method: string, params: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
