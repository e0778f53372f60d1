import type { HandlersFor } from '../../rpc/router';
import type { EngineService } from '../../services/docker/engine-service';

/** Handlers for `engines.*`. */
export function enginesHandlers(engines: EngineService): HandlersFor<'engines'> {
  return {
    'engines.list': () => engines.list(),
    'engines.switch': ({ id }) => engines.switchTo(id),
    'engines.saveEndpoint': (endpoint) => engines.saveEndpoint(endpoint),
    'engines.removeEndpoint': ({ name }) => engines.removeEndpoint(name),
  };
}
