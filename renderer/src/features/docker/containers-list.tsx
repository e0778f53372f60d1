import type { ContainerSummary } from '@contract';
import { ContainerState } from './container-state';
import { OwnerBadge } from './owner-badge';
import { createdColumn, ResourceTable } from './resource-table';

const keys = {
  name: (c: ContainerSummary) => c.name,
  state: (c: ContainerSummary) => c.state,
  image: (c: ContainerSummary) => c.image,
  created: (c: ContainerSummary) => c.createdAt,
};

/** "8080→80/tcp" for published ports, "80/tcp" for exposed ones. */
export function portLabel(port: ContainerSummary['ports'][number]): string {
  return port.publicPort
    ? `${port.publicPort}→${port.privatePort}/${port.type}`
    : `${port.privatePort}/${port.type}`;
}

/** The containers as a dense sortable table; a row opens the detail. */
export function ContainersList({
  containers,
  selectedId,
  onSelect,
}: {
  containers: ContainerSummary[];
  selectedId?: string;
  onSelect: (id: string) => void;
}) {
  return (
    <ResourceTable
      label="Containers"
      rows={containers}
      sortKeys={keys}
      initialSort={{ column: 'created', descending: true }}
      rowId={(c) => c.id}
      rowData={(c) => ({ 'data-container': c.name })}
      selectedId={selectedId}
      onOpen={(c) => onSelect(c.id)}
      name={{
        label: 'Name',
        sort: 'name',
        cell: (c) => (
          <span className="rb-name mono" title={c.name}>
            {c.name}
          </span>
        ),
        sub: (c) => (
          <>
            {c.image}
            <span className="faint">
              {c.networks.length ? ` · ${c.networks.join(', ')}` : ''}
              {c.mounts.length
                ? ` · ${c.mounts.length} mount${c.mounts.length > 1 ? 's' : ''}`
                : ''}
            </span>
            <OwnerBadge owner={c.berthOwner} />
          </>
        ),
      }}
      columns={[
        {
          label: 'State',
          sort: 'state',
          cell: (c) => <ContainerState state={c.state} status={c.status} />,
        },
        {
          label: 'Ports',
          cellClassName: 'rb-ports mono',
          cell: (c) =>
            c.ports.length ? c.ports.map(portLabel).join(', ') : <span className="faint">—</span>,
        },
        createdColumn((c: ContainerSummary) => c.createdAt),
      ]}
    />
  );
}
