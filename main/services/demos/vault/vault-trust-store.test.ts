import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VaultTrustStore } from './vault-trust-store';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'berth-trust-'));

describe('VaultTrustStore', () => {
  it('remembers a grant across instances (the app and the CLI share it) and revokes it', () => {
    const dir = tmp();
    const vault = fs.mkdtempSync(path.join(dir, 'vault-'));
    new VaultTrustStore(dir).grant(vault);
    const again = new VaultTrustStore(dir);
    expect(again.isTrusted(vault)).toBe(true);
    expect(again.list().map((v) => v.path)).toEqual([fs.realpathSync(vault)]);
    expect(again.revoke(vault)).toBe(true);
    expect(new VaultTrustStore(dir).isTrusted(vault)).toBe(false);
    expect(again.revoke(vault)).toBe(false);
  });

  it('trusts a vault by its real path: a symlink to it is the same vault, a sibling is not', () => {
    const dir = tmp();
    const vault = fs.mkdtempSync(path.join(dir, 'vault-'));
    fs.symlinkSync(vault, path.join(dir, 'link'));
    const store = new VaultTrustStore(dir);
    store.grant(path.join(dir, 'link'));
    expect(store.isTrusted(vault)).toBe(true);
    expect(store.isTrusted(`${vault}-other`)).toBe(false);
  });

  it('treats a damaged file as trusting nothing and repairs it on the next grant', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'vault-trust.json'), '{"version":1,"vaults":[{"path":');
    const store = new VaultTrustStore(dir);
    expect(store.list()).toEqual([]);
    store.grant(dir);
    expect(store.isTrusted(dir)).toBe(true);
  });
});
