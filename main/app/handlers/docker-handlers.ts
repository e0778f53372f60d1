import type { HandlersFor } from '../../rpc/router';
import type { DockerService } from '../../services/docker/docker-service';

/** Handlers for `docker.*`. */
export function dockerHandlers(docker: DockerService): HandlersFor<'docker'> {
  return {
    'docker.status': () => docker.status(),
    'docker.reconnect': () => docker.reconnect(),
    'docker.listVolumes': () => docker.listVolumes(),
    'docker.listNetworks': () => docker.listNetworks(),
  };
}
