import type { VolumeSummary } from '@contract';
import { isAnonymousVolumeName, shortName } from '../../ui/format-time';
import { OwnerBadge } from './owner-badge';
import { createdColumn, ResourceTable } from './resource-table';
import { revealVolume } from './reveal';

const keys = {
  name: (v: VolumeSummary) => v.name,
  used: (v: VolumeSummary) => v.usedBy.length,
  created: (v: VolumeSummary) => v.createdAt ?? '',
};

function UsedBy({ volume }: { volume: VolumeSummary }) {
  return volume.inUse ? (
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
  );
}

/** The volumes as a dense sortable table; a row opens the volume in the Storage view. */
export function VolumeTable({ volumes, stale }: { volumes: VolumeSummary[]; stale: boolean }) {
  return (
    <ResourceTable
      label="Volumes"
      rows={volumes}
      sortKeys={keys}
      initialSort={{ column: 'created', descending: true }}
      rowId={(v) => v.name}
      rowData={(v) => ({ 'data-volume': v.name })}
      onOpen={(v) => revealVolume(v.name)}
      stale={stale}
      name={{
        label: 'Name',
        sort: 'name',
        linkTitle: 'Open in Storage',
        cell: (v) => <span className="rb-name mono">{shortName(v.name)}</span>,
        sub: (v) => (
          <>
            {isAnonymousVolumeName(v.name) ? 'anonymous' : 'named'} · {v.driver}
            <OwnerBadge owner={v.labels['berth.owner']} />
          </>
        ),
      }}
      columns={[
        { label: 'Used by', sort: 'used', cell: (v) => <UsedBy volume={v} /> },
        createdColumn((v: VolumeSummary) => v.createdAt),
      ]}
    />
  );
}
