import type { HandlersFor } from '../../rpc/router';
import type { ContainersService } from '../../services/containers/containers-service';

/** Handlers for `containers.*`. */
export function containersHandlers(containers: ContainersService): HandlersFor<'containers'> {
  return {
    'containers.list': () => containers.list(),
    'containers.inspect': ({ id }) => containers.inspect(id),
    'containers.start': ({ id }) => containers.start(id),
    'containers.stop': ({ id, timeoutSeconds }) => containers.stop(id, timeoutSeconds),
    'containers.remove': ({ id, force, volumes }) => containers.remove(id, force, volumes),
    'containers.logs': ({ id, tail }) => containers.logs(id, tail),
  };
}
