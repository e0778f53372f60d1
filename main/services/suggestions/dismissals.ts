import { headingKey } from '../vault/heading-key';
import type { KeyValueStore, StoreFactory } from '../settings/store-factory';

type DismissalDoc = {
  /** Vault root -> "note path#heading key" -> dismissed demo ids. */
  vaults: Record<string, Record<string, string[]>>;
};

/** Demos the student hid under one heading of one note, remembered per vault in user data. */
export class Dismissals {
  private readonly store: KeyValueStore<DismissalDoc>;
  private cached: DismissalDoc | null = null;

  constructor(storeFactory: StoreFactory) {
    this.store = storeFactory<DismissalDoc>({
      name: 'suggestion-dismissals',
      defaults: { vaults: {} },
    });
  }

  private static key(notePath: string, heading: string): string {
    return `${notePath}#${headingKey(heading)}`;
  }

  /** Demo ids hidden under this heading. */
  hidden(vaultRoot: string, notePath: string, heading: string): ReadonlySet<string> {
    const vault = this.doc().vaults[vaultRoot];
    return new Set(vault?.[Dismissals.key(notePath, heading)] ?? []);
  }

  /** Hides (or, with `restore`, shows again) a demo under a heading; false when nothing changed. */
  set(
    vaultRoot: string,
    notePath: string,
    heading: string,
    demoId: string,
    restore = false,
  ): boolean {
    const doc = this.doc();
    const vault = { ...(doc.vaults[vaultRoot] ?? {}) };
    const key = Dismissals.key(notePath, heading);
    const ids = new Set(vault[key] ?? []);
    const had = ids.has(demoId);
    if (restore === !had) return false;
    if (restore) ids.delete(demoId);
    else ids.add(demoId);
    if (ids.size) vault[key] = [...ids].sort();
    else delete vault[key];
    this.cached = { vaults: { ...doc.vaults, [vaultRoot]: vault } };
    this.store.replace(this.cached);
    return true;
  }

  /** The document, read from disk once (stores read the file on every access) and kept in step on writes. */
  private doc(): DismissalDoc {
    if (this.cached) return this.cached;
    const doc = this.store.store as Partial<DismissalDoc> | undefined;
    this.cached =
      doc && typeof doc.vaults === 'object' && doc.vaults !== null
        ? (doc as DismissalDoc)
        : { vaults: {} };
    return this.cached;
  }
}
