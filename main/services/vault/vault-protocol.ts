import fs from 'node:fs';
import { RpcFailure } from '../../contract/errors';
import { vaultFileHeaders } from './mime-types';
import type { ResolvedVaultFile } from './resolve-vault-file';

/**
 * Answers a `berth-vault://vault/<encoded path>` request (Electron's custom protocol) with the
 * file, confined by `resolve` (the vault service's `resolveFile`). No Electron import: main/index.ts
 * registers it with `protocol.handle('berth-vault', (request) => vaultProtocolResponse(resolve, request.url))`.
 */
export async function vaultProtocolResponse(resolve: (requestedPath: string) => Promise<ResolvedVaultFile>, requestUrl: string): Promise<Response> {
  const text = (status: number, message: string) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let requested: string;
  try {
    const url = new URL(requestUrl);
    if (url.host !== 'vault') return text(404, 'Not found');
    requested = decodeURIComponent(url.pathname.replace(/^\/+/, ''));
  } catch {
    return text(400, 'Bad vault file address.');
  }
  try {
    const file = await resolve(requested);
    const body = await fs.promises.readFile(file.filePath);
    return new Response(body, { status: 200, headers: { ...vaultFileHeaders(file.mimeType), 'Content-Type': file.mimeType } });
  } catch (error) {
    const status = error instanceof RpcFailure && error.code === 'not-found' ? 404 : 403;
    return text(status, error instanceof Error ? error.message : 'Refused.');
  }
}
