import { useQuery } from '../../api';

/** The four lists of the resource browser, each re-queried when Docker says it changed. */
export function useDockerResources() {
  const containers = useQuery(
    'containers.list',
    {},
    { invalidateOn: ['containers.changed', 'docker.status'] },
  );
  const images = useQuery('images.list', {}, { invalidateOn: ['images.changed', 'docker.status'] });
  const volumes = useQuery(
    'docker.listVolumes',
    {},
    { invalidateOn: ['docker.changed', 'docker.status'] },
  );
  const networks = useQuery(
    'docker.listNetworks',
    {},
    { invalidateOn: ['docker.changed', 'docker.status'] },
  );
  return { containers, images, volumes, networks };
}

export type DockerResources = ReturnType<typeof useDockerResources>;
