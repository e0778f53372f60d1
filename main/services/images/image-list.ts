import type Dockerode from 'dockerode';
import type { ImageList, ImageSummary } from '../../contract/images';
import { berthOwnerOf } from '../docker/docker-errors';
import { dropInheritedOwners } from './inherited-owner';

/** The subset of `GET /system/df` Berth reads (API 1.41). */
interface DiskUsageImage {
  Id: string;
  RepoTags: string[] | null;
  RepoDigests: string[] | null;
  Created: number;
  Size: number;
  SharedSize: number;
  Containers: number;
  Labels: Record<string, string> | null;
}

function realTags(tags: string[] | null | undefined): string[] {
  return (tags ?? []).filter((tag) => tag !== '<none>:<none>');
}

/** One image from the disk-usage answer as the contract's summary. */
export function imageSummaryFrom(image: DiskUsageImage): ImageSummary {
  const tags = realTags(image.RepoTags).sort();
  const labels = image.Labels ?? {};
  const owner = berthOwnerOf(labels);
  const shared = typeof image.SharedSize === 'number' ? image.SharedSize : -1;
  return {
    id: image.Id,
    tags,
    repoDigests: (image.RepoDigests ?? []).filter((d) => !d.startsWith('<none>')),
    createdAt: image.Created * 1000,
    size: image.Size,
    sharedSize: shared,
    uniqueSize: shared >= 0 ? image.Size - shared : image.Size,
    containers: Math.max(0, image.Containers ?? 0),
    dangling: tags.length === 0,
    labels,
    ...(owner ? { berthOwner: owner } : {}),
  };
}

/**
 * Every top-level image with shared and unique sizes. `/system/df` is the one call that knows
 * which layers images share (what `docker system df -v` shows); the plain image list does not.
 */
export async function listImageSummaries(docker: Dockerode): Promise<ImageList> {
  const usage = (await docker.df()) as { Images?: DiskUsageImage[] | null; LayersSize?: number };
  const images = await dropInheritedOwners(docker, (usage.Images ?? []).map(imageSummaryFrom));
  images.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  return { images, layersSize: usage.LayersSize ?? 0, fetchedAt: Date.now() };
}

/** `sha256:abcdef…` → `abcdef012345`, like the CLI's IMAGE ID column. */
export function shortImageId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
