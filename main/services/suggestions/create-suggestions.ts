import path from 'node:path';
import type { Publish } from '../../contract';
import { builtInCatalogueSteps } from '../demos/catalogue';
import type { SettingsService } from '../settings/settings-service';
import type { StoreFactory } from '../settings/store-factory';
import { Dismissals } from './dismissals';
import { SuggestionsService } from './suggestions-service';

export interface AppSuggestionsOptions {
  settings: SettingsService;
  storeFactory: StoreFactory;
  hub: { publish: Publish };
  vault: { readonly root: string | null };
  bundledVaultDir: string;
}

/**
 * The suggestions service as the app runs it: the shipped catalogue, the `demoSuggestions`
 * setting (toggling it publishes `suggestions.changed`), dismissals in user data, and the
 * bundled study vault treated as read-only.
 */
export function createSuggestionsService(options: AppSuggestionsOptions): SuggestionsService {
  const bundled = path.resolve(options.bundledVaultDir);
  const service = new SuggestionsService({
    catalogueSteps: builtInCatalogueSteps,
    vaultRoot: () => options.vault.root,
    enabled: () => options.settings.get().demoSuggestions,
    isReadOnly: (root) => path.resolve(root) === bundled,
    dismissals: new Dismissals(options.storeFactory),
    publish: options.hub.publish,
  });
  let enabled = options.settings.get().demoSuggestions;
  options.settings.onChange((value) => {
    if (value.demoSuggestions === enabled) return;
    enabled = value.demoSuggestions;
    service.changed();
  });
  return service;
}
