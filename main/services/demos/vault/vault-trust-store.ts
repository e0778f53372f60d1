import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A vault whose own demos the user agreed to run. */
export interface TrustedVault {
  /** Absolute, symlink-free path of the vault folder. */
  path: string;
  grantedAt: number;
}

const fileSchema = z.object({
  version: z.literal(1),
  vaults: z.array(z.object({ path: z.string().min(1), grantedAt: z.number() })),
});

/** The real path of a folder, or its resolved path when it does not exist (any more). */
export function canonicalVaultPath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * Remembers which vaults may run the demos written in their notes (asked once per vault,
 * revocable in Settings). One small JSON file in the user data folder, re-read on every
 * question so the app and the `npm run demo` CLI share it; a damaged file trusts nothing.
 */
export class VaultTrustStore {
  readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'vault-trust.json');
  }

  list(): TrustedVault[] {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.vaults : [];
    } catch {
      return [];
    }
  }

  isTrusted(vaultDir: string): boolean {
    const wanted = canonicalVaultPath(vaultDir);
    return this.list().some((v) => v.path === wanted);
  }

  grant(vaultDir: string, now = Date.now()): TrustedVault {
    const entry = { path: canonicalVaultPath(vaultDir), grantedAt: now };
    this.write([...this.list().filter((v) => v.path !== entry.path), entry]);
    return entry;
  }

  /** Forgets a vault; true when it was trusted. */
  revoke(vaultDir: string): boolean {
    const list = this.list();
    const wanted = [vaultDir, canonicalVaultPath(vaultDir)];
    const kept = list.filter((v) => !wanted.includes(v.path));
    if (kept.length === list.length) return false;
    this.write(kept);
    return true;
  }

  private write(vaults: TrustedVault[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ version: 1, vaults }, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }
}
