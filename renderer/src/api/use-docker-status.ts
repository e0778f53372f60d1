import { useEffect, useState } from 'react';
import type { DockerStatus } from '@contract';
import { getApi, useEvent } from '.';

/** The live Docker connection state: asked once, then kept current by `docker.status` events. */
export function useDockerStatus(): DockerStatus | undefined {
  const [status, setStatus] = useState<DockerStatus>();
  useEvent('docker.status', setStatus);
  useEffect(() => {
    let alive = true;
    const fetchStatus = () =>
      getApi()
        .call('docker.status', {})
        .then((value) => alive && setStatus(value))
        .catch(() => undefined);
    void fetchStatus();
    const dispose = getApi().transport.onLinkState((state) => state === 'open' && void fetchStatus());
    return () => {
      alive = false;
      dispose();
    };
  }, []);
  return status;
}

/** How a connection state is shown: a tone for the dot and badge, and a short label. */
export function describeState(status: DockerStatus | undefined): { tone: 'ok' | 'warn' | 'danger' | 'info'; label: string } {
  switch (status?.state) {
    case 'connected':
      return { tone: 'ok', label: `${status.engine?.product === 'podman' ? 'Podman' : status.engine?.product === 'docker-desktop' ? 'Docker Desktop' : 'Docker'} ${status.engine?.version ?? ''}`.trim() };
    case 'connecting':
    case undefined:
      return { tone: 'info', label: 'Connecting to Docker…' };
    case 'permission-denied':
      return { tone: 'danger', label: 'Docker: permission denied' };
    case 'incompatible-api':
      return { tone: 'danger', label: 'Docker: incompatible engine' };
    case 'not-trusted':
      return { tone: 'danger', label: 'Docker: not trusted' };
    case 'unreachable':
      return { tone: 'warn', label: 'Docker is not answering' };
    default:
      return { tone: 'danger', label: 'Docker is not running' };
  }
}
