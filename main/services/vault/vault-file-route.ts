import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RpcFailure } from '../../contract/errors';
import { vaultFileHeaders } from './mime-types';
import type { ResolvedVaultFile } from './resolve-vault-file';
import { VAULT_FILE_PREFIX } from './vault-file-prefix';

/**
 * An HTTP route (behind the web host's session cookie) that streams a file of the open vault,
 * confined by `resolve` (the vault service's `resolveFile`). Refusals are plain-text 403/404.
 */
export function vaultFileRoute(resolve: (requestedPath: string) => Promise<ResolvedVaultFile>) {
  return {
    prefix: VAULT_FILE_PREFIX,
    async handle(req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>): Promise<void> {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end('Method not allowed');
        return;
      }
      let requested: string;
      try {
        requested = decodeURIComponent(url.pathname.slice(VAULT_FILE_PREFIX.length));
      } catch {
        res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path encoding.');
        return;
      }
      let file: ResolvedVaultFile;
      try {
        file = await resolve(requested);
      } catch (error) {
        const status = error instanceof RpcFailure && error.code === 'not-found' ? 404 : 403;
        const message = error instanceof Error ? error.message : 'Refused.';
        res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
        return;
      }
      const stat = await fs.promises.stat(file.filePath);
      res.writeHead(200, { ...headers, ...vaultFileHeaders(file.mimeType, { sameOriginFrames: true }), 'Content-Type': file.mimeType, 'Content-Length': String(stat.size) });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file.filePath).on('error', () => res.destroy()).pipe(res);
    },
  };
}
