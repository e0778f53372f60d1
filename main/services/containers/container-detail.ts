import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import type { ContainerDetail } from '../../contract/containers';
import { dockerStatusCode } from '../docker/docker-errors';
import { containerSummaryFrom } from './container-summary';

const NEVER = '0001-01-01T00:00:00Z';

/** Inspects a container; a readable `not-found` when it is gone. */
export async function inspectContainerInfo(
  docker: Dockerode,
  id: string,
): Promise<Dockerode.ContainerInspectInfo> {
  try {
    return await docker.getContainer(id).inspect();
  } catch (error) {
    if (dockerStatusCode(error) === 404)
      throw new RpcFailure('not-found', `There is no container ${id} any more; it was removed.`);
    throw error;
  }
}

/** The summary of one container plus what only `docker inspect` knows. */
export async function containerDetail(docker: Dockerode, id: string): Promise<ContainerDetail> {
  const info = await inspectContainerInfo(docker, id);
  const [[listed], image] = await Promise.all([
    docker.listContainers({ all: true, filters: { id: [info.Id] } }),
    docker
      .getImage(info.Image)
      .inspect()
      .catch(() => undefined),
  ]);
  if (!listed)
    throw new RpcFailure('not-found', `There is no container ${id} any more; it was removed.`);
  const state = info.State;
  const networks = info.NetworkSettings?.Networks ?? {};
  const addresses: Record<string, string> = {};
  for (const [name, net] of Object.entries(networks))
    if (net?.IPAddress) addresses[name] = net.IPAddress;
  const policy = info.HostConfig?.RestartPolicy;
  return {
    ...containerSummaryFrom(listed, image?.Config?.Labels ?? {}),
    ...(state.Status === 'exited' || state.Status === 'dead' ? { exitCode: state.ExitCode } : {}),
    ...(state.StartedAt && state.StartedAt !== NEVER ? { startedAt: state.StartedAt } : {}),
    ...(state.FinishedAt && state.FinishedAt !== NEVER ? { finishedAt: state.FinishedAt } : {}),
    restartCount: info.RestartCount ?? 0,
    restartPolicy: policy?.Name
      ? `${policy.Name}${policy.MaximumRetryCount ? `:${policy.MaximumRetryCount}` : ''}`
      : 'no',
    entrypoint: toArray(info.Config?.Entrypoint),
    cmd: toArray(info.Config?.Cmd),
    env: info.Config?.Env ?? [],
    workingDir: info.Config?.WorkingDir ?? '',
    addresses,
    ...(state.Error ? { error: state.Error } : {}),
  };
}

function toArray(value: string | string[] | null | undefined): string[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}
