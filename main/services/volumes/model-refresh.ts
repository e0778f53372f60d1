import type Dockerode from 'dockerode';
import { inspectContainer, inspectVolume, listAll, mapLimit } from './docker-reader';
import type { ModelChanges, StorageModel } from './storage-model';

/** What one tracker batch re-reads: every object (a listing) or only the ones events named. */
export interface RefreshBatch {
  containers: string[];
  volumes: string[];
  listing: boolean;
}

/**
 * Reads a batch's facts from Docker into the model: a full listing (the model then equals
 * `docker volume ls` and `docker ps -a`), or an inspect of each dirty container and volume
 * (plus volumes a container mounts that the model does not know yet).
 */
export async function refreshModel(
  docker: Dockerode,
  model: StorageModel,
  batch: RefreshBatch,
): Promise<void> {
  if (batch.listing) {
    const all = await listAll(docker, (id) => model.container(id));
    model.replaceAll(all.volumes, all.containers);
    return;
  }
  const { containers } = batch;
  const inspected = await mapLimit(containers, 8, (id) => inspectContainer(docker, id));
  const wanted = new Set(batch.volumes);
  inspected.forEach((facts, i) => {
    if (facts) {
      model.setContainer(facts);
      for (const m of facts.mounts)
        if (m.type === 'volume' && m.name && !model.hasVolume(m.name)) wanted.add(m.name);
    } else model.removeContainer(containers[i]!);
  });
  const names = [...wanted];
  const volumeFacts = await mapLimit(names, 8, (name) => inspectVolume(docker, name));
  volumeFacts.forEach((facts, i) =>
    facts ? model.setVolume(facts) : model.removeVolume(names[i]!),
  );
}

/**
 * How many items changed state in a commit without a replayed event explaining it (by its name,
 * a container using it, or the container that created it): changes found only by listing after
 * a reconnect, i.e. missed while disconnected.
 */
export function unexplainedChanges(changes: ModelChanges, replayed: ReadonlySet<string>): number {
  const changed = new Set(changes.lineage.filter((e) => e.type === 'state').map((e) => e.itemId));
  return changes.upserts.filter(
    (item) =>
      changed.has(item.id) &&
      !replayed.has(item.name) &&
      !item.uses.some((u) => replayed.has(u.containerId)) &&
      !replayed.has(item.createdBy?.containerId ?? ''),
  ).length;
}
