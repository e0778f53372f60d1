import WebSocket from 'ws';

/** A minimal client of Berth's WebSocket RPC (the same protocol the renderer speaks). */
export interface SoakRpc {
  call<T = unknown>(method: string, params?: unknown, timeoutMs?: number): Promise<T>;
  close(): void;
}

/** Connects to a running web host with its token, sending the page's Origin. */
export async function connectRpc(baseUrl: string, token: string): Promise<SoakRpc> {
  const url = `${baseUrl.replace(/^http/, 'ws')}/rpc?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url, { origin: baseUrl });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as {
      type: string;
      id?: number;
      response?: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    };
    if (message.type !== 'result' || message.id === undefined) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    const response = message.response;
    if (response?.ok) waiter.resolve(response.value);
    else
      waiter.reject(
        new Error(`${response?.error?.code ?? 'error'}: ${response?.error?.message ?? '?'}`),
      );
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('RPC socket closed'));
    pending.clear();
  });
  return {
    call<T>(method: string, params: unknown = {}, timeoutMs = 30_000): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => (clearTimeout(timer), resolve(v as T)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        socket.send(JSON.stringify({ type: 'call', id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}
