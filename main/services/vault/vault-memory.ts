import type { VaultMemory } from './vault-service';

/** The part of the settings service the vault remembers things in. */
export interface VaultSettingsStore {
  get(): { recentVaults: string[]; lastNotes: Record<string, string> };
  update(patch: { lastNotes: Record<string, string> }): unknown;
  rememberVault(vaultPath: string): unknown;
}

/** Keeps the last vault, recent vaults and the open note of each vault in the settings store. */
export function settingsVaultMemory(settings: VaultSettingsStore): VaultMemory {
  return {
    recentVaults: () => settings.get().recentVaults,
    lastNote: (root) => settings.get().lastNotes[root],
    rememberVault: (root) => {
      settings.rememberVault(root);
    },
    rememberNote: (root, notePath) => {
      const lastNotes = { ...settings.get().lastNotes, [root]: notePath };
      const roots = Object.keys(lastNotes);
      // Keep the map small: only the 20 most recently remembered vaults.
      for (const old of roots.slice(0, Math.max(0, roots.length - 20))) delete lastNotes[old];
      settings.update({ lastNotes });
    },
  };
}

/** A memory that forgets everything; for tests and the export CLI. */
export function volatileVaultMemory(): VaultMemory {
  const notes = new Map<string, string>();
  const recent: string[] = [];
  return {
    recentVaults: () => [...recent],
    lastNote: (root) => notes.get(root),
    rememberVault: (root) => {
      const at = recent.indexOf(root);
      if (at >= 0) recent.splice(at, 1);
      recent.unshift(root);
    },
    rememberNote: (root, notePath) => void notes.set(root, notePath),
  };
}
