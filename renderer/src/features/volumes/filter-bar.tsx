import type { StorageKind } from '@contract';
import { KINDS, type StorageFilter } from './storage-filters';
import { KindIcon } from './state-badge';
import { NetworkIcon } from '../../ui/icons';

const KIND_SHORT: Record<StorageKind, string> = {
  named: 'Named',
  anonymous: 'Anon',
  bind: 'Bind',
  tmpfs: 'tmpfs',
};

/** Filters of the storage view: kind chips, state, label, created by Berth, and a search. */
export function FilterBar({
  filter,
  onChange,
  shown,
  total,
  withNetworks = false,
}: {
  filter: StorageFilter;
  onChange: (f: StorageFilter) => void;
  shown: number;
  total: number;
  /** Offer the Networks chip (the graph draws networks too). */
  withNetworks?: boolean;
}) {
  const set = (patch: Partial<StorageFilter>) => onChange({ ...filter, ...patch });
  const toggleKind = (kind: StorageKind) => {
    const kinds = new Set(filter.kinds);
    if (kinds.has(kind) && kinds.size > 1) kinds.delete(kind);
    else kinds.add(kind);
    set({ kinds });
  };
  return (
    <div className="filter-bar" role="search">
      <div className="filter-row">
        <input
          className="input filter-search"
          type="search"
          placeholder="Search name or container…"
          value={filter.search}
          onChange={(e) => set({ search: e.target.value })}
          aria-label="Search storage"
        />
        <select
          className="input filter-select"
          value={filter.state}
          onChange={(e) => set({ state: e.target.value as StorageFilter['state'] })}
          aria-label="State filter"
        >
          <option value="all">All states</option>
          <option value="in-use">In use</option>
          <option value="dangling">Dangling / unused</option>
          <option value="removed">Removed</option>
        </select>
      </div>
      <div className="filter-row">
        {KINDS.map((kind) => (
          <button
            key={kind}
            className={`chip${filter.kinds.has(kind) ? ' is-on' : ''}`}
            aria-pressed={filter.kinds.has(kind)}
            onClick={() => toggleKind(kind)}
            data-kind-filter={kind}
          >
            <KindIcon kind={kind} size={13} />
            {KIND_SHORT[kind]}
          </button>
        ))}
        {withNetworks && (
          <button
            className={`chip${filter.networks ? ' is-on' : ''}`}
            aria-pressed={filter.networks}
            onClick={() => set({ networks: !filter.networks })}
            data-kind-filter="networks"
            title="Draw networks, their containers with addresses, and published ports"
          >
            <NetworkIcon size={13} />
            Networks
          </button>
        )}
        <input
          className="input filter-label"
          placeholder="label or label=value"
          value={filter.label}
          onChange={(e) => set({ label: e.target.value })}
          aria-label="Label filter"
        />
        <label className="check">
          <input
            type="checkbox"
            checked={filter.berthOnly}
            onChange={(e) => set({ berthOnly: e.target.checked })}
          />
          Berth's
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filter.showRemoved}
            onChange={(e) => set({ showRemoved: e.target.checked })}
          />
          Removed
        </label>
        <span className="filter-count faint">
          {shown} / {total}
        </span>
      </div>
    </div>
  );
}
