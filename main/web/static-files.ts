import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { mimeTypeFor } from './mime-types';

/** Files up to this size are kept in memory once read; larger ones stream from disk. */
const CACHED_FILE_LIMIT = 2_000_000;

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
}

const cache = new Map<string, CachedFile>();

/**
 * The file's bytes, read at once and kept while its size and time stay the same. The page's
 * files are answered in one turn of the event loop: while the services' modules load at start-up,
 * each turn may wait behind a library being evaluated, and a stat, an open, reads and a close
 * each took a turn (the page's scripts came up to 1 s after its HTML).
 */
function cachedBody(file: string, stat: fs.Stats): Buffer | null {
  if (stat.size > CACHED_FILE_LIMIT) return null;
  const kept = cache.get(file);
  if (kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) return kept.body;
  try {
    const body = fs.readFileSync(file);
    cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
    return body;
  } catch {
    return null;
  }
}

const statOf = (file: string) => fs.statSync(file, { throwIfNoEntry: false }) ?? null;

/**
 * Serves a file of the built renderer. Paths are confined to `root`; unknown paths get
 * index.html (the app routes in the client).
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): void {
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
  let stat = statOf(file);
  if (!stat || stat.isDirectory()) {
    const hasExtension = path.extname(decoded) !== '';
    if (hasExtension && !stat) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    file = path.join(rootResolved, 'index.html');
    stat = statOf(file);
    if (!stat) {
      res
        .writeHead(503, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The Berth UI is not built yet. Run `npm run build` first.');
      return;
    }
  }
  const isHtml = file.endsWith('.html');
  const body = cachedBody(file, stat);
  res.writeHead(200, {
    ...headers,
    'Content-Type': mimeTypeFor(file),
    'Content-Length': String(body?.length ?? stat.size),
    'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (body) res.end(body);
  else fs.createReadStream(file).pipe(res);
}
