import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveVaultFile } from './resolve-vault-file';
import { makeTempVault } from './test-vault';
import { vaultProtocolResponse } from './vault-protocol';

describe('vaultProtocolResponse', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeTempVault({ 'img/a b.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));
  const resolve = (p: string) => resolveVaultFile(root, p);

  it('serves vault files with their type and a sandboxing CSP', async () => {
    const response = await vaultProtocolResponse(resolve, 'berth-vault://vault/img/a%20b.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
  });
  it('refuses escapes and unknown hosts', async () => {
    expect((await vaultProtocolResponse(resolve, 'berth-vault://vault/..%2F..%2Fetc%2Fpasswd')).status).toBe(403);
    expect((await vaultProtocolResponse(resolve, 'berth-vault://vault/nope.png')).status).toBe(404);
    expect((await vaultProtocolResponse(resolve, 'berth-vault://other/img/a%20b.svg')).status).toBe(404);
    expect((await vaultProtocolResponse(resolve, 'berth-vault://vault/%E0%A4%A')).status).toBe(400);
  });
});
