import type { StorageItem, StorageKind, StorageUse } from '../../contract/volumes';
import { deriveState } from './derive-state';
import { isAnonymousVolumeName, type VolumeFacts } from './storage-facts';

/** Anonymous volumes younger than this, never used, count as just created. */
const FRESH_MS = 60_000;

function isRecent(createdAt: string | undefined, at: number): boolean {
  const time = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isFinite(time) && at - time < FRESH_MS;
}

/** What building an item needs to know from the model. */
export interface BuildContext {
  volume: (name: string) => VolumeFacts | undefined;
  owner: (name: string) => { containerId: string; containerName: string } | undefined;
  everUsed: (name: string) => boolean;
  containerName: (id: string) => string | undefined;
  hostPathExists: (hostPath: string) => boolean;
}

/**
 * One storage item (volume, bind or tmpfs) from its current uses and the model's facts; the
 * previous version fills what Docker no longer says (a removed volume keeps its last data).
 * Undefined for an item the model never knew.
 */
export function buildStorageItem(
  id: string,
  uses: StorageUse[],
  tmpfsOptions: string | undefined,
  berthOwnerOfUsers: string | undefined,
  before: StorageItem | undefined,
  at: number,
  ctx: BuildContext,
): StorageItem | undefined {
  if (id.startsWith('volume:')) {
    const name = id.slice('volume:'.length);
    const facts = ctx.volume(name);
    if (!facts && !before) return undefined; // never known: nothing to show
    const kind: StorageKind = isAnonymousVolumeName(name) ? 'anonymous' : 'named';
    const owner = ctx.owner(name);
    const state = deriveState({
      kind,
      exists: Boolean(facts),
      uses,
      everUsed: ctx.everUsed(name),
      fresh: before ? before.state === 'created' : isRecent(facts?.createdAt, at),
    });
    const volume = facts
      ? {
          driver: facts.driver,
          scope: facts.scope,
          mountpoint: facts.mountpoint,
          ...(facts.createdAt ? { createdAt: facts.createdAt } : {}),
          labels: facts.labels,
          options: facts.options,
          ...(before?.volume?.sizeBytes !== undefined
            ? { sizeBytes: before.volume.sizeBytes }
            : {}),
        }
      : before?.volume;
    const berthOwner = volume?.labels['berth.owner'];
    return {
      id,
      kind,
      name,
      state,
      uses,
      ...(volume ? { volume } : {}),
      ...(owner ? { createdBy: owner } : {}),
      ...(berthOwner ? { berthOwner } : {}),
      changedAt: at,
    };
  }
  if (id.startsWith('bind:')) {
    const hostPath = id.slice('bind:'.length);
    if (!uses.length && !before) return undefined;
    const berthOwner = berthOwnerOfUsers ?? before?.berthOwner;
    return {
      id,
      kind: 'bind',
      name: hostPath,
      state: deriveState({ kind: 'bind', exists: uses.length > 0, uses, everUsed: true }),
      uses,
      hostPathExists: ctx.hostPathExists(hostPath),
      ...(berthOwner ? { berthOwner } : {}),
      changedAt: at,
    };
  }
  const [, containerId = '', ...rest] = id.split(':');
  const destination = rest.join(':');
  if (!uses.length && !before) return undefined;
  const berthOwner = berthOwnerOfUsers ?? before?.berthOwner;
  const options = tmpfsOptions ?? before?.tmpfsOptions;
  return {
    id,
    kind: 'tmpfs',
    name: destination,
    state: deriveState({ kind: 'tmpfs', exists: uses.length > 0, uses, everUsed: true }),
    uses,
    ...(options ? { tmpfsOptions: options } : {}),
    createdBy: {
      containerId,
      containerName:
        ctx.containerName(containerId) ??
        before?.createdBy?.containerName ??
        containerId.slice(0, 12),
    },
    ...(berthOwner ? { berthOwner } : {}),
    changedAt: at,
  };
}
