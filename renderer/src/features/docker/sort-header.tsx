import type { SortState } from './use-sort';

/** A clickable column header that shows and flips the sort order (`aria-sort` for screen readers). */
export function SortHeader<K extends string>({
  column,
  label,
  sort,
  onSort,
  className,
}: {
  column: K;
  label: string;
  sort: SortState<K>;
  onSort: (column: K) => void;
  className?: string;
}) {
  const active = sort.column === column;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="rb-sort" onClick={() => onSort(column)}>
        {label}
        <span className="rb-sort-arrow" aria-hidden>
          {active ? (sort.descending ? '▾' : '▴') : ''}
        </span>
      </button>
    </th>
  );
}
