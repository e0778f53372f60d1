import type { HandlersFor } from '../../rpc/router';
import type { NetworksService } from '../../services/networks/networks-service';

/** Handlers for `networks.*`. */
export function networksHandlers(networks: NetworksService): HandlersFor<'networks'> {
  return {
    'networks.snapshot': () => networks.snapshot(),
    'networks.lineage': ({ network, limit }) => networks.lineage(network, limit),
    'networks.reach': ({ container }) => networks.reach(container),
    'networks.hostSide': () => networks.hostSide(),
    'networks.inspect': ({ network }) => networks.inspect(network),
  };
}
