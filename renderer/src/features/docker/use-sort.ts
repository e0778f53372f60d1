import { useMemo, useState } from 'react';

/** A column's sort key: strings sort by locale, numbers ascending. */
export type SortKey<T> = (row: T) => string | number;

export interface SortState<K extends string> {
  column: K;
  descending: boolean;
}

/** Sorts `rows` by the chosen column; clicking the same column again flips the direction. */
export function useSort<T, K extends string>(
  rows: T[],
  keys: Record<K, SortKey<T>>,
  initial: SortState<NoInfer<K>>,
) {
  const [sort, setSort] = useState<SortState<K>>(initial);
  const sorted = useMemo(() => {
    const key = keys[sort.column];
    const copy = [...rows];
    copy.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
    return copy;
    // `keys` is a constant object per list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, sort]);
  const toggle = (column: K) =>
    setSort((current) =>
      current.column === column
        ? { column, descending: !current.descending }
        : { column, descending: false },
    );
  return { sorted, sort, toggle };
}
