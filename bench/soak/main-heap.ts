import WebSocket from 'ws';

/**
 * The web host's V8 heap, read over its inspector (the host is started with
 * `--inspect=127.0.0.1:0`, loopback only, random port): forces a GC, then reads the used size.
 */
export async function mainHeapMb(hostOutput: string): Promise<number> {
  const url = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(hostOutput)?.[1];
  if (!url) throw new Error('the web host did not print its inspector address');
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const send = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`${method} timed out`)), 30_000);
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as {
          id?: number;
          result?: Record<string, unknown>;
        };
        if (message.id !== id) return;
        clearTimeout(timer);
        socket.off('message', onMessage);
        resolve(message.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await send('HeapProfiler.collectGarbage');
    const usage = await send('Runtime.getHeapUsage');
    return Number(usage.usedSize) / 1024 / 1024;
  } finally {
    socket.close();
  }
}
