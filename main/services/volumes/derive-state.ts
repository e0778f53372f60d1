import type { LifecycleState, StorageKind, StorageUse } from '../../contract/volumes';

/** Everything the lifecycle state of one item depends on. */
export interface StateInputs {
  kind: StorageKind;
  /** Volumes: the volume exists in Docker. Binds/tmpfs: some container still has the mount. */
  exists: boolean;
  uses: StorageUse[];
  /** A container has referenced it at some point (this session or remembered). */
  everUsed: boolean;
  /**
   * Volumes: created moments ago (or still in its first state). `docker run -v /data` creates the
   * anonymous volume a moment before the container refers to it; that volume is new, not dangling.
   */
  fresh?: boolean;
}

/**
 * The lifecycle state of a volume, bind mount or tmpfs mount, from what Docker says now.
 *
 * - volumes: removed when gone; mounted while a running container uses it; attached when only
 *   never-started containers reference it; unmounted when its containers are stopped; with no
 *   container: dangling if one used it before (or it is an anonymous volume found orphaned),
 *   else created (a brand-new anonymous volume too).
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
  if (input.everUsed) return 'dangling';
  return kind === 'anonymous' && !input.fresh ? 'dangling' : 'created';
}
