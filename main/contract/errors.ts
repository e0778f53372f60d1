import { z } from 'zod';

/** Machine-readable reasons an RPC call can fail. */
export const rpcErrorCodeSchema = z.enum([
  'unknown-method',
  'invalid-params',
  'invalid-result',
  'forbidden',
  'unavailable',
  'not-found',
  'conflict',
  'failed',
]);
export type RpcErrorCode = z.infer<typeof rpcErrorCodeSchema>;

/** The error half of every RPC response: a code and a message a person can read. */
export const rpcErrorSchema = z.object({
  code: rpcErrorCodeSchema,
  message: z.string(),
  details: z.string().optional(),
});
export type RpcErrorBody = z.infer<typeof rpcErrorSchema>;

/** What every RPC call resolves to, over IPC and WebSocket alike. */
export type RpcResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: RpcErrorBody };

/** Thrown by services to fail a call with a specific code and a readable message. */
export class RpcFailure extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = 'RpcFailure';
  }
}

/** Renders zod issues as one readable sentence, e.g. `params.name: expected string`. */
export function describeZodError(error: z.ZodError, root: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [root, ...issue.path.map(String)].join('.');
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
