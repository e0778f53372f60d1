import { describe, expect, it } from 'vitest';
import { settingsVaultMemory, volatileVaultMemory } from './vault-memory';

describe('vault memory', () => {
  it('keeps the last vault, recent vaults and the open note of each vault in settings', () => {
    let value = { recentVaults: [] as string[], lastNotes: {} as Record<string, string>, lastVault: undefined as string | undefined };
    const memory = settingsVaultMemory({
      get: () => value,
      update: (patch) => (value = { ...value, ...patch }),
      rememberVault: (dir) => (value = { ...value, lastVault: dir, recentVaults: [dir, ...value.recentVaults.filter((d) => d !== dir)] }),
    });
    memory.rememberVault('/a');
    memory.rememberVault('/b');
    memory.rememberNote('/a', 'Note.md');
    expect(value.lastVault).toBe('/b');
    expect(memory.recentVaults()).toEqual(['/b', '/a']);
    expect(memory.lastNote('/a')).toBe('Note.md');
    expect(memory.lastNote('/b')).toBeUndefined();
    for (let i = 0; i < 30; i++) memory.rememberNote(`/v${i}`, 'x.md');
    expect(Object.keys(value.lastNotes).length).toBeLessThanOrEqual(21);
  });
  it('has a volatile variant for the CLI and tests', () => {
    const memory = volatileVaultMemory();
    memory.rememberVault('/a');
    memory.rememberVault('/b');
    memory.rememberVault('/a');
    expect(memory.recentVaults()).toEqual(['/a', '/b']);
  });
});
