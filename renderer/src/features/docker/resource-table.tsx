import type { ReactNode } from 'react';
import { formatRelativeTime } from '../../ui/format-time';
import { SortHeader } from './sort-header';
import { useSort, type SortKey, type SortState } from './use-sort';

/** A column after the name: its header, how it sorts (if it does) and what a cell shows. */
export interface TableColumn<T, K extends string> {
  label: string;
  /** The sort key of this column; a column without one does not sort. */
  sort?: K;
  /** Class of the header (e.g. `rb-num`); the cells' too unless `cellClassName` is given. */
  className?: string;
  cellClassName?: string;
  cell: (row: T) => ReactNode;
}

/** The "Created" column every list ends with: how long ago, faint and right-aligned, sorting by `created`. */
export function createdColumn<T>(
  createdAt: (row: T) => string | number | undefined,
): TableColumn<T, 'created'> {
  return {
    label: 'Created',
    sort: 'created',
    className: 'rb-num',
    cellClassName: 'rb-num faint',
    cell: (row) => formatRelativeTime(createdAt(row)),
  };
}

/** The first column: the name as a link that opens the row, with a line of facts under it. */
export interface NameColumn<T, K extends string> {
  label: string;
  sort: K;
  /** What the link shows (usually a `.rb-name` span). */
  cell: (row: T) => ReactNode;
  /** The facts under the name. */
  sub: (row: T) => ReactNode;
  /** Tooltip of the link (what opening does). */
  linkTitle?: string;
}

/**
 * The resource browser's dense sortable table: a name column that opens the row, more columns,
 * headers that sort (and say so to screen readers), the selected row marked. Each row carries
 * `data-*` attributes from `rowData`, so tests and the soak can read what the page lists.
 */
export function ResourceTable<T, K extends string>({
  label,
  rows,
  sortKeys,
  initialSort,
  name,
  columns,
  rowId,
  rowData,
  selectedId,
  onOpen,
  stale = false,
}: {
  label: string;
  rows: T[];
  sortKeys: Record<K, SortKey<T>>;
  initialSort: SortState<NoInfer<K>>;
  name: NameColumn<T, NoInfer<K>>;
  columns: TableColumn<T, NoInfer<K>>[];
  rowId: (row: T) => string;
  rowData: (row: T) => Record<`data-${string}`, string>;
  selectedId?: string;
  onOpen: (row: T) => void;
  stale?: boolean;
}) {
  const { sorted, sort, toggle } = useSort(rows, sortKeys, initialSort);
  const header = (column: { label: string; sort?: K; className?: string }) =>
    column.sort ? (
      <SortHeader
        key={column.label}
        column={column.sort}
        label={column.label}
        sort={sort}
        onSort={toggle}
        className={column.className}
      />
    ) : (
      <th key={column.label} scope="col" className={column.className}>
        {column.label}
      </th>
    );
  return (
    <table className={`rb-table${stale ? ' is-stale' : ''}`} aria-label={label}>
      <thead>
        <tr>
          {header(name)}
          {columns.map(header)}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => {
          const id = rowId(row);
          const selected = selectedId !== undefined && id === selectedId;
          return (
            <tr
              key={id}
              className={selected ? 'is-selected' : undefined}
              {...rowData(row)}
              onClick={() => onOpen(row)}
            >
              <td className="rb-name-cell">
                <button
                  type="button"
                  className="rb-row-link"
                  onClick={() => onOpen(row)}
                  aria-current={selected ? 'true' : undefined}
                  title={name.linkTitle}
                >
                  {name.cell(row)}
                </button>
                <span className="rb-sub">{name.sub(row)}</span>
              </td>
              {columns.map((column) => (
                <td key={column.label} className={column.cellClassName ?? column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
