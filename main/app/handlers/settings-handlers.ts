import { RpcFailure } from '../../contract';
import type { HandlersFor } from '../../rpc/router';
import type { SettingsService } from '../../services/settings/settings-service';

/** Handlers for `settings.*`. */
export function settingsHandlers(settings: SettingsService): HandlersFor<'settings'> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => {
      try {
        return settings.update(patch);
      } catch (error) {
        throw new RpcFailure('invalid-params', error instanceof Error ? error.message : String(error));
      }
    },
  };
}
