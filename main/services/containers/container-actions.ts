import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import type { ContainerActionResult } from '../../contract/containers';
import { dockerMessage, dockerStatusCode, shellArg } from '../docker/docker-errors';
import { inspectContainerInfo } from './container-detail';
import { containerName } from './container-summary';

async function target(
  docker: Dockerode,
  id: string,
): Promise<{ id: string; name: string; running: boolean }> {
  const info = await inspectContainerInfo(docker, id);
  return {
    id: info.Id,
    name: containerName([info.Name], info.Id),
    running: Boolean(info.State?.Running),
  };
}

/** Starts a container; starting a running one is not an error (Docker answers 304). */
export async function startContainer(
  docker: Dockerode,
  id: string,
): Promise<ContainerActionResult> {
  const c = await target(docker, id);
  try {
    await docker.getContainer(c.id).start();
  } catch (error) {
    if (dockerStatusCode(error) !== 304)
      throw new RpcFailure('failed', `Could not start ${c.name}: ${dockerMessage(error)}`);
  }
  return { id: c.id, name: c.name, cli: `docker start ${shellArg(c.name)}` };
}

/** Stops a container (SIGTERM, SIGKILL after `timeoutSeconds`); a stopped one stays stopped. */
export async function stopContainer(
  docker: Dockerode,
  id: string,
  timeoutSeconds: number,
): Promise<ContainerActionResult> {
  const c = await target(docker, id);
  try {
    await docker.getContainer(c.id).stop({ t: timeoutSeconds });
  } catch (error) {
    if (dockerStatusCode(error) !== 304)
      throw new RpcFailure('failed', `Could not stop ${c.name}: ${dockerMessage(error)}`);
  }
  return {
    id: c.id,
    name: c.name,
    cli: `docker stop${timeoutSeconds !== 10 ? ` -t ${timeoutSeconds}` : ''} ${shellArg(c.name)}`,
  };
}

/** The CLI line for removing a container with these options. */
export function removeCommand(name: string, force: boolean, volumes: boolean): string {
  const flags = `${force ? 'f' : ''}${volumes ? 'v' : ''}`;
  return `docker rm${flags ? ` -${flags}` : ''} ${shellArg(name)}`;
}

/**
 * Removes a container. A running one is refused with a readable `conflict` unless `force`
 * (Docker then kills it first); anonymous volumes are removed too only with `volumes`.
 */
export async function removeContainer(
  docker: Dockerode,
  id: string,
  force: boolean,
  volumes: boolean,
): Promise<ContainerActionResult> {
  const c = await target(docker, id);
  if (c.running && !force) {
    throw new RpcFailure(
      'conflict',
      `${c.name} is running. Stop it first, or remove it with force (docker rm -f), which kills it.`,
    );
  }
  try {
    await docker.getContainer(c.id).remove({ force, v: volumes });
  } catch (error) {
    const status = dockerStatusCode(error);
    if (status === 404) throw new RpcFailure('not-found', `${c.name} is already gone.`);
    if (status === 409)
      throw new RpcFailure(
        'conflict',
        `Docker refused to remove ${c.name}: ${dockerMessage(error)}`,
      );
    throw new RpcFailure('failed', `Could not remove ${c.name}: ${dockerMessage(error)}`);
  }
  return { id: c.id, name: c.name, cli: removeCommand(c.name, force, volumes) };
}
