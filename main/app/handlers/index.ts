import type { Handlers } from '../../rpc/router';
import type { AppServices } from '../app-services';
import { appHandlers } from './app-handlers';
import { dockerHandlers } from './docker-handlers';
import { containersHandlers } from './containers-handlers';
import { imagesHandlers } from './images-handlers';
import { demosHandlers } from './demos-handlers';
import { vaultDemosHandlers } from './vault-demos-handlers';
import { annotationsHandlers } from './annotations-handlers';
import { settingsHandlers } from './settings-handlers';
import { systemHandlers } from './system-handlers';
import { volumesHandlers } from './volumes-handlers';
import { networksHandlers } from './networks-handlers';
import { vaultHandlers } from './vault-handlers';
import { canvasHandlers } from './canvas-handlers';
import { suggestionsHandlers } from './suggestions-handlers';
import { timelineHandlers } from './timeline-handlers';
import { enginesHandlers } from './engines-handlers';

/** Every contract method bound to its service. */
export function createHandlers(services: AppServices): Handlers {
  return {
    ...systemHandlers(services.host, services.version, services.notices),
    ...dockerHandlers(services.docker),
    ...containersHandlers(services.containers),
    ...imagesHandlers(services.images),
    ...demosHandlers(services.demos),
    ...vaultDemosHandlers(services.vaultDemos),
    ...volumesHandlers(services.volumes),
    ...networksHandlers(services.networks),
    ...annotationsHandlers(services.annotations, services.currentVault, (target, from) => services.vault.resolveLink(target, from)),
    ...vaultHandlers(services.vault, services.host),
    ...canvasHandlers(services.canvas, services.vault),
    ...settingsHandlers(services.settings),
    ...appHandlers(services),
    ...suggestionsHandlers(services.suggestions),
    ...timelineHandlers(services.timeline, services.timelineEmbeds, services.vault),
    ...enginesHandlers(services.engines),
  };
}
