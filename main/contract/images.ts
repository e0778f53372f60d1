import { z } from 'zod';
import { event, method, noParams } from './define';

/** One image as `docker image ls` and `docker system df -v` see it. */
export const imageSummarySchema = z.object({
  id: z.string(),
  /** repo:tag names; empty for a dangling image. */
  tags: z.array(z.string()),
  repoDigests: z.array(z.string()),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
  /** Bytes, all layers. */
  size: z.number(),
  /** Bytes of layers other images use too; -1 when Docker cannot tell. */
  sharedSize: z.number(),
  /** Bytes only this image holds: what removing it frees. */
  uniqueSize: z.number(),
  /** Containers (running or not) created from it. */
  containers: z.number().int(),
  /** No tag left (usually an older build whose tag moved on). */
  dangling: z.boolean(),
  labels: z.record(z.string(), z.string()),
  berthOwner: z.string().optional(),
});
export type ImageSummary = z.infer<typeof imageSummarySchema>;

export const imageListSchema = z.object({
  images: z.array(imageSummarySchema),
  /** Bytes of all image layers on disk, each counted once. */
  layersSize: z.number(),
  fetchedAt: z.number(),
});
export type ImageList = z.infer<typeof imageListSchema>;

/** One layer of an image's history (`docker image history`). */
export const imageLayerSchema = z.object({
  id: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
  size: z.number(),
  comment: z.string(),
});
export type ImageLayer = z.infer<typeof imageLayerSchema>;

/** What a prune would remove, before anything is removed. */
export const imagePrunePreviewSchema = z.object({
  all: z.boolean(),
  images: z.array(
    z.object({
      id: z.string(),
      tags: z.array(z.string()),
      uniqueSize: z.number(),
      createdAt: z.number(),
      berthOwner: z.string().optional(),
    }),
  ),
  /** Bytes freed if all of them go. */
  reclaimBytes: z.number(),
  cli: z.string(),
});
export type ImagePrunePreview = z.infer<typeof imagePrunePreviewSchema>;

export const imageRemoveResultSchema = z.object({
  untagged: z.array(z.string()),
  deleted: z.array(z.string()),
  /** Images that could not go, with the reason. */
  refused: z.array(z.object({ id: z.string(), reason: z.string() })),
  reclaimedBytes: z.number(),
  cli: z.string(),
});
export type ImageRemoveResult = z.infer<typeof imageRemoveResultSchema>;

const ref = z.string().min(1).max(400);

export const imagesMethods = {
  'images.list': method(
    'All images with tags, sizes (shared and unique) and container counts.',
    noParams,
    imageListSchema,
  ),
  'images.history': method(
    'The layers of one image, newest first.',
    z.object({ id: ref }).strict(),
    z.array(imageLayerSchema),
  ),
  'images.remove': method(
    'Removes one tag (when given a repo:tag of an image with several tags) or the image; refuses while a container uses it unless forced.',
    z.object({ ref, force: z.boolean().default(false) }).strict(),
    imageRemoveResultSchema,
  ),
  'images.prunePreview': method(
    'Which images a prune would remove (dangling only, or every unused image with `all`) and the space freed.',
    z.object({ all: z.boolean().default(false) }).strict(),
    imagePrunePreviewSchema,
  ),
  'images.prune': method(
    'Removes exactly the previewed images that still qualify; nothing else.',
    z.object({ all: z.boolean().default(false), ids: z.array(ref).max(500) }).strict(),
    imageRemoveResultSchema,
  ),
} as const;

export const imagesEvents = {
  'images.changed': event(
    'Images changed in Docker; re-query. Batched.',
    z.object({ at: z.number() }),
  ),
} as const;
