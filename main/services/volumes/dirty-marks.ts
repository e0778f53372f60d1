import type { DockerEvent } from '../docker/docker-event';
import type { RefreshBatch } from './model-refresh';

/**
 * What the volume tracker has to re-read: containers and volumes that events named, or a full
 * listing (at start, after a reconnect or a prune, which names nothing). A batch takes every mark
 * at once; a failed batch puts its marks back.
 */
export class DirtyMarks {
  private readonly containers = new Set<string>();
  private readonly volumes = new Set<string>();
  /** A full listing is due. */
  listing = false;

  /** Marks what a container or volume event names. */
  markEvent(event: DockerEvent): void {
    if (event.Action === 'prune') this.listing = true;
    else if (event.Type === 'container') this.containers.add(event.Actor.ID);
    else {
      if (event.Actor.ID) this.volumes.add(event.Actor.ID);
      const container = event.Actor.Attributes.container;
      if (container) this.containers.add(container);
    }
  }

  get empty(): boolean {
    return !this.listing && !this.containers.size && !this.volumes.size;
  }

  /** Takes every mark as one batch; more objects than `listThreshold` are read by a listing (a burst). */
  take(listThreshold: number): RefreshBatch & { burst: boolean } {
    const containers = [...this.containers];
    const volumes = [...this.volumes];
    const burst = containers.length + volumes.length > listThreshold;
    const batch = { containers, volumes, listing: this.listing || burst, burst };
    this.containers.clear();
    this.volumes.clear();
    this.listing = false;
    return batch;
  }

  /** Puts the marks of a batch that failed back. */
  restore(batch: RefreshBatch): void {
    for (const id of batch.containers) this.containers.add(id);
    for (const name of batch.volumes) this.volumes.add(name);
    if (batch.listing) this.listing = true;
  }
}
