import type { Disposer, Publish } from '../../contract';
import type {
  ImageLayer,
  ImageList,
  ImagePrunePreview,
  ImageRemoveResult,
} from '../../contract/images';
import { ChangeBatcher } from '../docker/change-batcher';
import type { ResourceConnection } from '../containers/containers-service';
import { containerName } from '../containers/container-summary';
import { imageHistory } from './image-history';
import { listImageSummaries } from './image-list';
import { imagePrunePreview, pruneImages } from './image-prune';
import { removeImage } from './image-remove';

export interface ImagesServiceOptions {
  connection: ResourceConnection;
  publish: Publish;
}

/**
 * Images for the resource browser: list with shared/unique sizes, layer history, remove with
 * readable refusals, prune with an exact preview. Image and container events become one batched
 * `images.changed` (a container's birth or removal changes an image's container count).
 */
export class ImagesService {
  private readonly batcher: ChangeBatcher;
  private readonly disposers: Disposer[] = [];

  constructor(private readonly options: ImagesServiceOptions) {
    this.batcher = new ChangeBatcher(
      () => options.publish('images.changed', { at: Date.now() }),
      60,
    );
  }

  /** Follows Docker's events until disposed. */
  watch(): void {
    this.disposers.push(
      this.options.connection.onEvent((event) => {
        if (
          event.Type === 'image' ||
          (event.Type === 'container' && /^(create|destroy)$/.test(event.Action))
        )
          this.batcher.add('images');
      }),
      this.options.connection.onConnected(() => this.batcher.add('images')),
    );
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.batcher.dispose();
  }

  private get docker() {
    return this.options.connection.requireClient('query');
  }

  list(): Promise<ImageList> {
    return listImageSummaries(this.docker);
  }

  history(ref: string): Promise<ImageLayer[]> {
    return imageHistory(this.docker, ref);
  }

  async remove(ref: string, force: boolean): Promise<ImageRemoveResult> {
    // Deleting layers can take a while on a busy disk: no request timeout.
    const docker = this.options.connection.requireClient('streaming');
    const [{ images }, containers] = await Promise.all([
      listImageSummaries(docker),
      docker.listContainers({ all: true }),
    ]);
    const image = images.find((i) => i.id === ref || i.tags.includes(ref));
    // Removing one of several tags frees nothing; removing the last reference frees the unique size.
    const lastReference = image && (image.id === ref || image.tags.length <= 1);
    const names = new Map(containers.map((c) => [c.Id, containerName(c.Names, c.Id)]));
    return removeImage(docker, ref, {
      force,
      ...(lastReference ? { uniqueSize: image.uniqueSize } : {}),
      containerName: (id) => [...names].find(([full]) => full.startsWith(id))?.[1],
    });
  }

  prunePreview(all: boolean): Promise<ImagePrunePreview> {
    return imagePrunePreview(this.docker, all);
  }

  prune(all: boolean, ids: string[]): Promise<ImageRemoveResult> {
    return pruneImages(this.options.connection.requireClient('streaming'), all, ids);
  }
}
