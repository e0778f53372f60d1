import { z } from 'zod';

export { IpcChannel, WS_PATH, WS_TOKEN_PARAM } from './channels';

/** A message from a client to the router over the WebSocket. */
export const wsClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: z.number().int(), method: z.string(), params: z.unknown() }),
  z.object({ type: z.literal('subscribe'), event: z.string() }),
  z.object({ type: z.literal('unsubscribe'), event: z.string() }),
]);
export type WsClientMessage = z.infer<typeof wsClientMessageSchema>;

/** A message from the router to a client over the WebSocket. */
export type WsServerMessage =
  | { type: 'result'; id: number; response: unknown }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'error'; message: string };

/** A call as it crosses IPC. */
export const ipcCallSchema = z.object({ method: z.string(), params: z.unknown() });
