import { ownerLabel } from './berth-filter';

/** Marks an object Berth created (label `berth.owner`). */
export function OwnerBadge({ owner }: { owner: string | undefined }) {
  if (!owner) return null;
  return (
    <span
      className="badge badge-violet rb-owner"
      title={`Created by Berth (label berth.owner=${owner})`}
    >
      {ownerLabel(owner)}
    </span>
  );
}
