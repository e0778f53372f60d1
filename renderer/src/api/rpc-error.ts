import type { RpcErrorBody, RpcErrorCode } from '@contract/errors';

/** A failed call, with the main process's readable message. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly details: string | undefined;

  constructor(body: RpcErrorBody) {
    super(body.message);
    this.name = 'RpcError';
    this.code = body.code;
    this.details = body.details;
  }
}
