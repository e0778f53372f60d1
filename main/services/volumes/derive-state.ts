import type { LifecycleState, StorageKind, StorageUse } from '../../contract/volumes';

/** Everything the lifecycle state of one item depends on. */
export interface StateInputs {
  kind: StorageKind;
  /** Volumes: the volume exists in Docker. Binds/tmpfs: some container still has the mount. */
  exists: boolean;
  uses: StorageUse[];
  /** A container has referenced it at some point (this session or remembered). */
  everUsed: boolean;
}

/**
 * The lifecycle state of a volume, bind mount or tmpfs mount, from what Docker says now.
 *
 * - volumes: removed when gone; mounted while a running container uses it; attached when only
 *   never-started containers reference it; unmounted when its containers are stopped; with no
 *   container: dangling if one used it before (or it is anonymous), else created.
 * - bind mounts: like volumes, but with no container left the mount is gone (removed).
 * - tmpfs: lives exactly while its container runs; stopping the container discards it (removed).
 */
export function deriveState(input: StateInputs): LifecycleState {
  const { kind, exists, uses } = input;
  if (!exists) return 'removed';
  const running = uses.some((u) => u.running);
  const onlyCreated = uses.length > 0 && uses.every((u) => u.containerState === 'created');
  if (kind === 'tmpfs') {
    if (running) return 'mounted';
    return onlyCreated ? 'attached' : 'removed';
  }
  if (running) return 'mounted';
  if (onlyCreated) return 'attached';
  if (uses.length > 0) return 'unmounted';
  if (kind === 'bind') return 'removed';
  return input.everUsed || kind === 'anonymous' ? 'dangling' : 'created';
}
