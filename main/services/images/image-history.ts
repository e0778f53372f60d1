import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import type { ImageLayer } from '../../contract/images';
import { dockerStatusCode } from '../docker/docker-errors';

interface HistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Size: number;
  Comment: string;
}

/** Turns the builder's `/bin/sh -c #(nop) ` prefix into the Dockerfile line it stands for. */
export function readableCreatedBy(createdBy: string): string {
  return createdBy
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, '')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .trim();
}

/** The layers of an image, newest first (`docker image history`). */
export async function imageHistory(docker: Dockerode, ref: string): Promise<ImageLayer[]> {
  let entries: HistoryEntry[];
  try {
    entries = (await docker.getImage(ref).history()) as HistoryEntry[];
  } catch (error) {
    if (dockerStatusCode(error) === 404)
      throw new RpcFailure('not-found', `There is no image ${ref} any more.`);
    throw error;
  }
  return entries.map((entry) => ({
    id: entry.Id,
    createdBy: readableCreatedBy(entry.CreatedBy ?? ''),
    createdAt: entry.Created * 1000,
    size: entry.Size,
    comment: entry.Comment ?? '',
  }));
}
