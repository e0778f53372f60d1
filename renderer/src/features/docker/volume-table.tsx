import type { VolumeSummary } from '@contract';
import { formatRelativeTime, isAnonymousVolumeName, shortName } from '../../ui/format-time';
import { OwnerBadge } from './owner-badge';
import { revealVolume } from './reveal';
import { SortHeader } from './sort-header';
import { useSort } from './use-sort';

const keys = {
  name: (v: VolumeSummary) => v.name,
  used: (v: VolumeSummary) => v.usedBy.length,
  created: (v: VolumeSummary) => v.createdAt ?? '',
};

/** The volumes as a dense sortable table; a row opens the volume in the Storage view. */
export function VolumeTable({ volumes, stale }: { volumes: VolumeSummary[]; stale: boolean }) {
  const { sorted, sort, toggle } = useSort(volumes, keys, { column: 'created', descending: true });
  return (
    <table className={`rb-table${stale ? ' is-stale' : ''}`} aria-label="Volumes">
      <thead>
        <tr>
          <SortHeader column="name" label="Name" sort={sort} onSort={toggle} />
          <SortHeader column="used" label="Used by" sort={sort} onSort={toggle} />
          <SortHeader
            column="created"
            label="Created"
            sort={sort}
            onSort={toggle}
            className="rb-num"
          />
        </tr>
      </thead>
      <tbody>
        {sorted.map((volume) => {
          const anonymous = isAnonymousVolumeName(volume.name);
          return (
            <tr
              key={volume.name}
              data-volume={volume.name}
              onClick={() => revealVolume(volume.name)}
            >
              <td className="rb-name-cell">
                <button
                  type="button"
                  className="rb-row-link"
                  onClick={() => revealVolume(volume.name)}
                  title="Open in Storage"
                >
                  <span className="rb-name mono">{shortName(volume.name)}</span>
                </button>
                <span className="rb-sub">
                  {anonymous ? 'anonymous' : 'named'} · {volume.driver}
                  <OwnerBadge owner={volume.labels['berth.owner']} />
                </span>
              </td>
              <td>
                {volume.inUse ? (
                  <span className="rb-users" title={volume.usedBy.join(', ')}>
                    {volume.usedBy.slice(0, 2).join(', ')}
                    {volume.usedBy.length > 2 && ` +${volume.usedBy.length - 2}`}
                  </span>
                ) : (
                  <span
                    className="badge badge-warn"
                    title="No container references this volume: docker volume ls -f dangling=true lists it"
                  >
                    unused
                  </span>
                )}
              </td>
              <td className="rb-num faint">{formatRelativeTime(volume.createdAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
