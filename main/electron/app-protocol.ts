import fs from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, VAULT_SCHEME } from '../security';
import { vaultProtocolResponse } from '../services/vault/vault-protocol';
import type { ResolvedVaultFile } from '../services/vault/resolve-vault-file';
import { contentSecurityPolicy, securityHeaders } from '../security-policy';
import { mimeTypeFor } from '../web/mime-types';

/** Registers `app://` (the UI) and `berth-vault://` (attachments) as standard, secure schemes. Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
    {
      scheme: VAULT_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/** Serves attachments of the open vault on `berth-vault://vault/…`, confined by the vault service's resolver. */
export function handleVaultProtocol(
  resolve: (requestedPath: string) => Promise<ResolvedVaultFile>,
): void {
  protocol.handle(VAULT_SCHEME, (request) => vaultProtocolResponse(resolve, request.url));
}

/**
 * Serves the built renderer on `app://berth/…`, confined to its folder, with the CSP header. In
 * development (`npm run dev`) it serves the same paths from electron-vite's dev server instead, so
 * the window shows the current sources while keeping the app origin and its security checks (no
 * hot reload: the page cannot reach the dev server's socket).
 */
export function handleAppProtocol(rendererRoot: string, devServer?: string): void {
  const root = path.resolve(rendererRoot);
  const headers = securityHeaders(contentSecurityPolicy());
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'berth') return new Response('Not found', { status: 404 });
    if (devServer) return fromDevServer(devServer, url, headers);
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
    if (relative.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) {
      return new Response('Forbidden', { status: 403 });
    }
    const target =
      fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
    const body = await fs.promises.readFile(target);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': mimeTypeFor(target) },
    });
  });
}

async function fromDevServer(
  devServer: string,
  url: URL,
  headers: Record<string, string>,
): Promise<Response> {
  try {
    const upstream = await fetch(`${devServer}${url.pathname}${url.search}`);
    const type = upstream.headers.get('content-type') ?? mimeTypeFor(url.pathname);
    return new Response(await upstream.arrayBuffer(), {
      status: upstream.status,
      headers: { ...headers, 'Content-Type': type },
    });
  } catch (error) {
    return new Response(
      `The dev server at ${devServer} did not answer (${error instanceof Error ? error.message : String(error)}).`,
      { status: 502 },
    );
  }
}
