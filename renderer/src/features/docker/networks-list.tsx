import type { NetworkSummary } from '@contract';
import { OwnerBadge } from './owner-badge';
import { ResourceTable } from './resource-table';

const keys = {
  name: (n: NetworkSummary) => n.name,
  driver: (n: NetworkSummary) => n.driver,
  containers: (n: NetworkSummary) => n.containers.length,
};

/** The networks as a dense sortable table: name, driver, scope, attached containers. */
export function NetworksList({
  networks,
  selectedId,
  onSelect,
}: {
  networks: NetworkSummary[];
  selectedId?: string;
  onSelect: (network: NetworkSummary) => void;
}) {
  return (
    <ResourceTable
      label="Networks"
      rows={networks}
      sortKeys={keys}
      initialSort={{ column: 'name', descending: false }}
      rowId={(n) => n.id}
      rowData={(n) => ({ 'data-network': n.name })}
      selectedId={selectedId}
      onOpen={onSelect}
      name={{
        label: 'Name',
        sort: 'name',
        cell: (n) => <span className="rb-name mono">{n.name}</span>,
        sub: (n) => (
          <>
            {n.builtIn && <span className="badge">built-in</span>}
            {n.internal && <span className="badge badge-info">internal</span>}
            <span className="faint mono">{n.subnets.join(', ') || 'no subnet'}</span>
            <OwnerBadge owner={n.berthOwner} />
          </>
        ),
      }}
      columns={[
        {
          label: 'Driver',
          sort: 'driver',
          cellClassName: 'rb-nowrap',
          cell: (n) => (
            <>
              {n.driver} <span className="faint">· {n.scope}</span>
            </>
          ),
        },
        {
          label: 'Containers',
          sort: 'containers',
          className: 'rb-num',
          cell: (n) => n.containers.length || <span className="faint">0</span>,
        },
      ]}
    />
  );
}
