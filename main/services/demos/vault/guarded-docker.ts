import path from 'node:path';
import type Dockerode from 'dockerode';

/** Limits every container of a demo written in a note gets (a fork bomb or memory hog stays small). */
export const VAULT_CONTAINER_LIMITS = {
  Memory: 512 * 1024 * 1024,
  PidsLimit: 256,
  NanoCpus: 1_000_000_000,
} as const;

const inside = (root: string, candidate: string) => {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** What a container request asks for that a vault demo may never have, in words (empty when fine). */
export function forbiddenHostConfig(
  hostConfig: Dockerode.HostConfig | undefined,
  workRoot: string,
): string[] {
  const h = (hostConfig ?? {}) as Dockerode.HostConfig & Record<string, unknown>;
  const problems: string[] = [];
  const set = (value: unknown) =>
    typeof value === 'string' && value !== '' && value !== 'private' && value !== 'default';
  if (h.Privileged) problems.push('a privileged container');
  if (h.CapAdd?.length) problems.push(`added capabilities (${h.CapAdd.join(', ')})`);
  if (
    (h.Devices as unknown[] | undefined)?.length ||
    (h.DeviceRequests as unknown[] | undefined)?.length
  )
    problems.push('host devices');
  if (set(h.PidMode)) problems.push(`the PID namespace "${String(h.PidMode)}"`);
  if (set(h.IpcMode) && h.IpcMode !== 'shareable')
    problems.push(`the IPC namespace "${String(h.IpcMode)}"`);
  if (set(h.UTSMode)) problems.push(`the UTS namespace "${String(h.UTSMode)}"`);
  if (set(h.UsernsMode)) problems.push(`the user namespace "${String(h.UsernsMode)}"`);
  if (h.NetworkMode === 'host' || String(h.NetworkMode ?? '').startsWith('container:'))
    problems.push(`the network "${String(h.NetworkMode)}"`);
  if (h.Binds?.length) problems.push('raw bind mounts');
  if (h.VolumesFrom?.length) problems.push("another container's volumes");
  if (h.SecurityOpt?.length) problems.push('changed security options');
  for (const mount of h.Mounts ?? []) {
    if (mount.Type === 'bind' && !inside(path.resolve(workRoot), path.resolve(mount.Source)))
      problems.push(`a bind mount of ${mount.Source}`);
  }
  return problems;
}

/**
 * The Docker client a demo written in a note runs with: the last line of defence behind the
 * policy. Every container it creates is checked again at the API call (no privilege, host
 * namespaces, devices, or bind mounts outside the run folders) and gets memory, process and CPU
 * limits.
 */
export function guardedDocker(docker: Dockerode, workRoot: string): Dockerode {
  const guarded = Object.create(docker) as Dockerode;
  guarded.createContainer = ((options: Dockerode.ContainerCreateOptions) => {
    const problems = forbiddenHostConfig(options.HostConfig, workRoot);
    if (problems.length)
      return Promise.reject(
        new Error(`Refused by Berth: a demo written in a note may not use ${problems.join(', ')}.`),
      );
    const hostConfig = { ...options.HostConfig };
    hostConfig.Memory ??= VAULT_CONTAINER_LIMITS.Memory;
    hostConfig.PidsLimit ??= VAULT_CONTAINER_LIMITS.PidsLimit;
    hostConfig.NanoCpus ??= VAULT_CONTAINER_LIMITS.NanoCpus;
    return docker.createContainer({ ...options, HostConfig: hostConfig });
  }) as Dockerode['createContainer'];
  return guarded;
}
