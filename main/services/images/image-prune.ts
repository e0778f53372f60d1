import type Dockerode from 'dockerode';
import type { ImagePrunePreview, ImageRemoveResult, ImageSummary } from '../../contract/images';
import { RpcFailure } from '../../contract/errors';
import { listImageSummaries } from './image-list';
import { removeImage } from './image-remove';

/** Which images `docker image prune` (dangling, unused) or `prune -a` (every unused) would take. */
export function pruneCandidates(images: ImageSummary[], all: boolean): ImageSummary[] {
  return images.filter((image) => image.containers === 0 && (all || image.dangling));
}

/** The preview: exactly these images, and the space they hold alone. */
export async function imagePrunePreview(
  docker: Dockerode,
  all: boolean,
): Promise<ImagePrunePreview> {
  const { images } = await listImageSummaries(docker);
  const candidates = pruneCandidates(images, all);
  return {
    all,
    images: candidates.map((image) => ({
      id: image.id,
      tags: image.tags,
      uniqueSize: image.uniqueSize,
      createdAt: image.createdAt,
      ...(image.berthOwner ? { berthOwner: image.berthOwner } : {}),
    })),
    reclaimBytes: candidates.reduce((sum, image) => sum + Math.max(0, image.uniqueSize), 0),
    cli: all ? 'docker image prune -a' : 'docker image prune',
  };
}

/**
 * Removes the images of a preview that still qualify, one by one and never forced, so nothing
 * beyond what the person saw goes. Images that stopped qualifying are reported, not removed.
 */
export async function pruneImages(
  docker: Dockerode,
  all: boolean,
  ids: string[],
): Promise<ImageRemoveResult> {
  const { images } = await listImageSummaries(docker);
  const eligible = new Map(pruneCandidates(images, all).map((image) => [image.id, image]));
  const result: ImageRemoveResult = {
    untagged: [],
    deleted: [],
    refused: [],
    reclaimedBytes: 0,
    cli: all ? 'docker image prune -a' : 'docker image prune',
  };
  for (const id of ids) {
    const image = eligible.get(id);
    if (!image) {
      const now = images.find((i) => i.id === id);
      result.refused.push({
        id,
        reason: now ? 'now used by a container or tagged again; kept' : 'already gone',
      });
      continue;
    }
    try {
      // By id with several tags Docker would refuse without force; untag each tag instead.
      const refs = image.tags.length ? image.tags : [image.id];
      for (const ref of refs) {
        const one = await removeImage(docker, ref, { force: false });
        result.untagged.push(...one.untagged);
        result.deleted.push(...one.deleted);
      }
      result.reclaimedBytes += Math.max(0, image.uniqueSize);
    } catch (error) {
      result.refused.push({
        id,
        reason: error instanceof RpcFailure ? error.message : String(error),
      });
    }
  }
  return result;
}
