import type { PreloadApi } from '@contract/channels';
import type { RpcResponse } from '@contract/errors';
import type { Transport } from './transport';

/** The transport in Electron: `window.api` from the preload. */
export function createIpcTransport(api: PreloadApi): Transport {
  return {
    kind: 'ipc',
    linkState: 'open',
    call: (method, params) => api.call(method, params) as Promise<RpcResponse>,
    subscribe: (event, listener) => api.subscribe(event, listener),
    onLinkState: () => () => {},
  };
}
