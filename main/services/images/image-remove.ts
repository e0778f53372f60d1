import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import type { ImageRemoveResult } from '../../contract/images';
import { dockerMessage, dockerStatusCode, shellArg } from '../docker/docker-errors';
import { shortImageId } from './image-list';

/** Turns Docker's refusal to remove an image into a sentence a student can act on. */
export function explainImageRefusal(
  ref: string,
  message: string,
  containerName?: (id: string) => string | undefined,
): string {
  const user = /container (\w+) is using/i.exec(message);
  if (user?.[1]) {
    const name = containerName?.(user[1]) ?? user[1].slice(0, 12);
    const running = /running container/i.test(message);
    return running
      ? `${ref} is used by the running container ${name}. Stop and remove that container first.`
      : `${ref} is used by the container ${name} (stopped). Remove that container first, or force the removal.`;
  }
  if (/referenced in multiple repositories/i.test(message)) {
    return `${ref} has several tags. Remove one tag at a time (docker rmi repo:tag), or force to remove them all.`;
  }
  if (/dependent child images/i.test(message))
    return `Other images are built on top of ${ref}; remove those first.`;
  return message;
}

/** The CLI line for removing these refs. */
export function rmiCommand(refs: string[], force: boolean): string {
  return `docker rmi${force ? ' -f' : ''} ${refs.map(shellArg).join(' ')}`;
}

type RemoveReport = { Untagged?: string; Deleted?: string }[];

/**
 * Removes one image or tag and reports what Docker untagged and deleted; a refusal comes back as
 * a readable `conflict`. `uniqueSize` is what the image held alone (counted when it is deleted).
 */
export async function removeImage(
  docker: Dockerode,
  ref: string,
  options: {
    force: boolean;
    uniqueSize?: number;
    containerName?: (id: string) => string | undefined;
  },
): Promise<ImageRemoveResult> {
  let report: RemoveReport;
  try {
    report = ((await docker.getImage(ref).remove({ force: options.force })) ?? []) as RemoveReport;
  } catch (error) {
    const status = dockerStatusCode(error);
    if (status === 404) throw new RpcFailure('not-found', `There is no image ${ref} any more.`);
    if (status === 409)
      throw new RpcFailure(
        'conflict',
        explainImageRefusal(ref, dockerMessage(error), options.containerName),
      );
    throw new RpcFailure('failed', `Could not remove ${ref}: ${dockerMessage(error)}`);
  }
  const untagged = report.flatMap((r) => (r.Untagged ? [r.Untagged] : []));
  const deleted = report.flatMap((r) => (r.Deleted ? [r.Deleted] : []));
  const displayRef = ref.startsWith('sha256:') ? shortImageId(ref) : ref;
  return {
    untagged,
    deleted,
    refused: [],
    reclaimedBytes: deleted.length ? (options.uniqueSize ?? 0) : 0,
    cli: rmiCommand([displayRef], options.force),
  };
}
