/**
 * The preload: the only bridge between the sandboxed renderer and the main process. It exposes
 * a tiny, generic API; every call is validated against the contract by the router in main.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IpcChannel, type PreloadApi } from './contract/channels';

const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IpcChannel.Event, (_event, message: { event: string; payload: unknown }) => {
  for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
});

const api: PreloadApi = {
  call: (method, params) => ipcRenderer.invoke(IpcChannel.Call, { method, params }),
  subscribe: (event, listener) => {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
      ipcRenderer.send(IpcChannel.Subscribe, event);
    }
    set.add(listener);
    return () => {
      const current = listeners.get(event);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        listeners.delete(event);
        ipcRenderer.send(IpcChannel.Unsubscribe, event);
      }
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
