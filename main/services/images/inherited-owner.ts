import type Dockerode from 'dockerode';
import type { ImageSummary } from '../../contract/images';

function startsWith(layers: string[], prefix: string[]): boolean {
  return prefix.length <= layers.length && prefix.every((layer, i) => layers[i] === layer);
}

/**
 * Images inherit the labels of the image they are built FROM, so every image built on Berth's
 * base image carries `berth.owner=base` too. An image whose layers extend those of an older
 * image with the same `berth.owner` has the mark by inheritance: it is the student's, not Berth's.
 */
export async function dropInheritedOwners(
  docker: Dockerode,
  images: ImageSummary[],
): Promise<ImageSummary[]> {
  const marked = images.filter((image) => image.berthOwner);
  if (marked.length < 2) return images;
  const layersOf = new Map<string, string[]>();
  await Promise.all(
    marked.map(async (image) => {
      try {
        const info = await docker.getImage(image.id).inspect();
        layersOf.set(image.id, info.RootFS?.Layers ?? []);
      } catch {
        /* gone meanwhile: keep its mark */
      }
    }),
  );
  const inherited = new Set<string>();
  for (const image of marked) {
    const layers = layersOf.get(image.id);
    if (!layers) continue;
    const base = marked.find((other) => {
      const prefix = layersOf.get(other.id);
      return (
        other.id !== image.id &&
        other.berthOwner === image.berthOwner &&
        prefix !== undefined &&
        startsWith(layers, prefix) &&
        (prefix.length < layers.length || other.createdAt < image.createdAt)
      );
    });
    if (base) inherited.add(image.id);
  }
  if (!inherited.size) return images;
  return images.map((image) => {
    if (!inherited.has(image.id)) return image;
    const { berthOwner: _inherited, ...rest } = image;
    return rest;
  });
}
