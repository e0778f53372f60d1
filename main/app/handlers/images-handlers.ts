import type { HandlersFor } from '../../rpc/router';
import type { ImagesService } from '../../services/images/images-service';

/** Handlers for `images.*`. */
export function imagesHandlers(images: ImagesService): HandlersFor<'images'> {
  return {
    'images.list': () => images.list(),
    'images.history': ({ id }) => images.history(id),
    'images.remove': ({ ref, force }) => images.remove(ref, force),
    'images.prunePreview': ({ all }) => images.prunePreview(all),
    'images.prune': ({ all, ids }) => images.prune(all, ids),
  };
}
