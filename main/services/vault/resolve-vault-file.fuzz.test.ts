/**
 * Generated vault-relative paths (encodings, Unicode normalisation, `..`, symlinks, case tricks,
 * Windows separators, NUL) against the vault-file resolver and the web host's attachment route:
 * nothing outside the vault is ever served, and every refusal is readable.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzParams, isReadableMessage } from '../../testing/fuzz-config';
import { resolveVaultFile } from './resolve-vault-file';
import { vaultFileRoute } from './vault-file-route';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-fuzz-paths-')));
const vault = path.join(base, 'vault');
const SECRET = 'TOP-SECRET-OUTSIDE-THE-VAULT';
fs.mkdirSync(path.join(vault, 'img', 'Café'), { recursive: true });
fs.mkdirSync(path.join(vault, '.obsidian'), { recursive: true });
fs.writeFileSync(path.join(vault, 'img', 'a b.png'), 'png');
fs.writeFileSync(path.join(vault, 'img', 'Café', 'x.png'), 'png');
fs.writeFileSync(path.join(vault, 'Note.md'), '# Note');
fs.writeFileSync(path.join(vault, '.obsidian', 'app.json'), '{}');
fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
fs.symlinkSync(path.join(base, 'secret.txt'), path.join(vault, 'img', 'link-out.png'));
fs.symlinkSync(base, path.join(vault, 'dir-out'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const SEGMENTS = [
  '..',
  '.',
  '',
  'img',
  'Café',
  'Cafe\u0301',
  'CAFÉ',
  'a b.png',
  'a%20b.png',
  'x.png',
  'Note.md',
  'note.MD',
  'secret.txt',
  'link-out.png',
  'dir-out',
  '.obsidian',
  'app.json',
  '%2e%2e',
  '%2E%2E%2F',
  '..%2f',
  '..\\..',
  'C:',
  'c:\\Windows',
  '\\\\server\\share',
  '\u0000',
  '%00',
  '…',
  '．．',
  '\u202e',
  'vault',
  base.slice(1),
  '~',
  '$HOME',
  '*',
];
const separator = fc.constantFrom('/', '\\', '//', '/./');
/** Real entries of the test vault (links out included), mutated the ways attackers and OSes do. */
const KNOWN = [
  'img/a b.png',
  'img/Café/x.png',
  'Note.md',
  'img/link-out.png',
  'dir-out/secret.txt',
  'dir-out/vault/Note.md',
  '.obsidian/app.json',
];
const mutation = fc.constantFrom<(p: string) => string>(
  (p) => p,
  (p) => p.toUpperCase(),
  (p) => p.replaceAll('/', '\\'),
  (p) => p.normalize('NFD'),
  (p) => `./${p}`,
  (p) => `img/../${p}`,
  (p) => p.replaceAll('/', '//'),
  (p) => `${p}/`,
  (p) => `${p}\u0000.png`,
);
const knownPath = fc.tuple(fc.constantFrom(...KNOWN), mutation).map(([p, mutate]) => mutate(p));
const requestedPath = fc.oneof(
  knownPath,
  fc
    .array(fc.tuple(fc.constantFrom(...SEGMENTS), separator), { minLength: 1, maxLength: 7 })
    .map((parts) =>
      parts
        .map(([s, sep]) => s + sep)
        .join('')
        .replace(/[/\\]+$/, ''),
    ),
  fc.string({ maxLength: 60 }),
  fc.constantFrom('/', '/etc/passwd', base, path.join(base, 'secret.txt')),
);

/** True when `file` (after following links) is inside the vault. */
function insideVault(file: string): boolean {
  const real = fs.realpathSync(file);
  return real === vault || real.startsWith(vault + path.sep);
}

describe('vault paths, generated input', () => {
  it(
    'never resolves to anything outside the vault, and refuses readably',
    { timeout: 120_000 },
    async () => {
      const seen = { served: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(requestedPath, async (requested) => {
          try {
            const file = await resolveVaultFile(vault, requested);
            expect(insideVault(file.filePath), `${requested} -> ${file.filePath}`).toBe(true);
            expect(fs.readFileSync(file.filePath, 'utf8')).not.toContain(SECRET);
            seen.served++;
          } catch (error) {
            expect(isReadableMessage((error as Error).message), String(error)).toBe(true);
            seen.refused++;
          }
        }),
        fuzzParams(2),
      );
      // Both sides of the boundary were exercised, or the property said nothing.
      expect(seen.served).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(0);
    },
  );

  it(
    'never serves a byte from outside the vault over the attachment route',
    { timeout: 120_000 },
    async () => {
      const route = vaultFileRoute((requested) => resolveVaultFile(vault, requested));
      const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        void route.handle(req, res, url, {});
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const get = (rawPath: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, path: rawPath }, (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      try {
        await fc.assert(
          fc.asyncProperty(requestedPath, fc.boolean(), async (requested, encode) => {
            const raw = encode
              ? requested.split('/').map(encodeURIComponent).join('/')
              : requested.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
            let response: { status: number; body: string };
            try {
              response = await get(`/vault-file/${raw}`);
            } catch {
              return; // the client refused to send it: nothing was served
            }
            expect(response.body).not.toContain(SECRET);
            if (response.status === 200)
              expect(response.body).toBe(response.body.startsWith('#') ? '# Note' : response.body);
          }),
          fuzzParams(),
        );
      } finally {
        server.close();
      }
    },
  );
});
