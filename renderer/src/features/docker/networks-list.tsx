import type { NetworkSummary } from '@contract';
import { OwnerBadge } from './owner-badge';
import { SortHeader } from './sort-header';
import { useSort } from './use-sort';

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
  const { sorted, sort, toggle } = useSort(networks, keys, { column: 'name', descending: false });
  return (
    <table className="rb-table" aria-label="Networks">
      <thead>
        <tr>
          <SortHeader column="name" label="Name" sort={sort} onSort={toggle} />
          <SortHeader column="driver" label="Driver" sort={sort} onSort={toggle} />
          <SortHeader
            column="containers"
            label="Containers"
            sort={sort}
            onSort={toggle}
            className="rb-num"
          />
        </tr>
      </thead>
      <tbody>
        {sorted.map((n) => (
          <tr
            key={n.id}
            className={n.id === selectedId ? 'is-selected' : undefined}
            data-network={n.name}
            onClick={() => onSelect(n)}
          >
            <td className="rb-name-cell">
              <button
                type="button"
                className="rb-row-link"
                onClick={() => onSelect(n)}
                aria-current={n.id === selectedId ? 'true' : undefined}
              >
                <span className="rb-name mono">{n.name}</span>
              </button>
              <span className="rb-sub">
                {n.builtIn && <span className="badge">built-in</span>}
                {n.internal && <span className="badge badge-info">internal</span>}
                <span className="faint mono">{n.subnets.join(', ') || 'no subnet'}</span>
                <OwnerBadge owner={n.berthOwner} />
              </span>
            </td>
            <td className="rb-nowrap">
              {n.driver} <span className="faint">· {n.scope}</span>
            </td>
            <td className="rb-num">{n.containers.length || <span className="faint">0</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
