import type { ContainerSummary } from '@contract';
import { formatRelativeTime } from '../../ui/format-time';
import { ContainerState } from './container-state';
import { OwnerBadge } from './owner-badge';
import { SortHeader } from './sort-header';
import { useSort } from './use-sort';

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
  const { sorted, sort, toggle } = useSort(containers, keys, {
    column: 'created',
    descending: true,
  });
  return (
    <table className="rb-table" aria-label="Containers">
      <thead>
        <tr>
          <SortHeader column="name" label="Name" sort={sort} onSort={toggle} />
          <SortHeader column="state" label="State" sort={sort} onSort={toggle} />
          <th scope="col">Ports</th>
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
        {sorted.map((c) => (
          <tr
            key={c.id}
            className={c.id === selectedId ? 'is-selected' : undefined}
            data-container={c.name}
            onClick={() => onSelect(c.id)}
          >
            <td className="rb-name-cell">
              <button
                type="button"
                className="rb-row-link"
                onClick={() => onSelect(c.id)}
                aria-current={c.id === selectedId ? 'true' : undefined}
              >
                <span className="rb-name mono" title={c.name}>
                  {c.name}
                </span>
              </button>
              <span className="rb-sub">
                {c.image}
                <span className="faint">
                  {c.networks.length ? ` · ${c.networks.join(', ')}` : ''}
                  {c.mounts.length
                    ? ` · ${c.mounts.length} mount${c.mounts.length > 1 ? 's' : ''}`
                    : ''}
                </span>
                <OwnerBadge owner={c.berthOwner} />
              </span>
            </td>
            <td>
              <ContainerState state={c.state} status={c.status} />
            </td>
            <td className="rb-ports mono">
              {c.ports.length ? (
                c.ports.map(portLabel).join(', ')
              ) : (
                <span className="faint">—</span>
              )}
            </td>
            <td className="rb-num faint">{formatRelativeTime(c.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
