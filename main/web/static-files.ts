import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { mimeTypeFor } from './mime-types';

/**
 * Serves a file of the built renderer. Paths are confined to `root`; unknown paths get
 * index.html (the app routes in the client).
 */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400, headers).end('Bad path');
    return;
  }
  if (decoded.includes('\0')) {
    res.writeHead(400, headers).end('Bad path');
    return;
  }
  const rootResolved = path.resolve(root);
  let file = path.resolve(rootResolved, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== rootResolved && !file.startsWith(rootResolved + path.sep)) {
    res.writeHead(403, headers).end('Forbidden');
    return;
  }
  let stat = await fs.promises.stat(file).catch(() => null);
  if (!stat || stat.isDirectory()) {
    const hasExtension = path.extname(decoded) !== '';
    if (hasExtension && !stat) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    file = path.join(rootResolved, 'index.html');
    stat = await fs.promises.stat(file).catch(() => null);
    if (!stat) {
      res
        .writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The Berth UI is not built yet. Run `npm run build` first.');
      return;
    }
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    ...headers,
    'Content-Type': mimeTypeFor(file),
    'Content-Length': String(stat.size),
    'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}
