import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { LineageEntry, StorageItem, StorageKind } from '@contract';
import { formatRelativeTime } from '../../ui/format-time';
import { displayName, groupByKind, KINDS } from './storage-filters';
import { KIND_LABEL, KindIcon, StateBadge, stateColor } from './state-badge';

type Row = { type: 'lane'; kind: StorageKind; count: number } | { type: 'item'; item: StorageItem };

function describeItem(item: StorageItem): string {
  const live = item.uses.map((u) => `${u.containerName}:${u.destination}${u.rw ? '' : ' (ro)'}`);
  if (live.length) return live.join(', ');
  if (item.createdBy && item.kind !== 'tmpfs') return `created by ${item.createdBy.containerName}`;
  if (item.kind === 'tmpfs')
    return `was in ${item.createdBy?.containerName ?? 'a container'} — content gone`;
  if (item.kind === 'bind') return item.hostPathExists ? 'host path exists' : 'host path missing';
  return item.volume?.driver ? `${item.volume.driver} driver` : '';
}

/** The last state changes of an item as a row of dots, oldest to newest. */
function MiniTimeline({ entries }: { entries: LineageEntry[] | undefined }) {
  if (!entries?.length) return null;
  return (
    <span className="mini-timeline" aria-label={`History: ${entries.map((e) => e.to).join(', ')}`}>
      {entries.map((e) => (
        <span
          key={e.seq}
          className="mini-dot"
          style={{ background: e.to ? stateColor(e.to) : undefined }}
          title={`${e.action} · ${new Date(e.at).toLocaleTimeString()}${e.containerName ? ` · ${e.containerName}` : ''}`}
        />
      ))}
    </span>
  );
}

/**
 * Storage in lanes per kind (named, anonymous, bind, tmpfs): each item with its state badge,
 * who uses it and a small timeline. Virtualised, so thousands of volumes stay smooth.
 */
export function StorageLanes({
  items,
  history,
  selectedId,
  onSelect,
  isDemoItem,
}: {
  items: StorageItem[];
  history: Map<string, LineageEntry[]>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** True for items the running demo touches; they are pointed out. */
  isDemoItem?: (item: StorageItem) => boolean;
}) {
  const rows = useMemo<Row[]>(() => {
    const groups = groupByKind(items);
    const out: Row[] = [];
    for (const kind of KINDS) {
      const list = groups.get(kind) ?? [];
      out.push({ type: 'lane', kind, count: list.length });
      for (const item of list) out.push({ type: 'item', item });
    }
    return out;
  }, [items]);
  const hasItems = rows.some((row) => row.type === 'item');
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.type === 'lane' ? 34 : 58),
    overscan: 12,
    getItemKey: (i) => {
      const row = rows[i];
      return row?.type === 'lane' ? `lane:${row.kind}` : (row?.item.id ?? i);
    },
  });

  return (
    // A list only when it has items (lanes with nothing in them are headers alone), and busy until
    // the virtualizer has drawn its first rows: axe reported aria-required-children on both moments.
    <div
      className="lanes-scroller"
      ref={scroller}
      role={hasItems ? 'list' : undefined}
      aria-label={hasItems ? 'Storage by kind' : undefined}
      aria-busy={(hasItems && virtualizer.getVirtualItems().length === 0) || undefined}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          const style = {
            position: 'absolute' as const,
            top: 0,
            left: 0,
            right: 0,
            height: v.size,
            transform: `translateY(${v.start}px)`,
          };
          if (row.type === 'lane') {
            return (
              <div
                key={v.key}
                style={style}
                className={`lane-header lane-${row.kind}`}
                data-lane={row.kind}
              >
                <KindIcon kind={row.kind} />
                <span>{KIND_LABEL[row.kind]}</span>
                <span className="lane-count">{row.count}</span>
              </div>
            );
          }
          const { item } = row;
          const demo = isDemoItem?.(item) ?? false;
          return (
            <div
              key={v.key}
              style={style}
              role="listitem"
              className={`storage-row kind-${item.kind}${item.id === selectedId ? ' is-selected' : ''}${item.state === 'removed' ? ' is-removed' : ''}${demo ? ' is-demo' : ''}`}
              data-demo={demo || undefined}
              data-item={item.id}
              data-kind={item.kind}
              data-state={item.state}
              data-name={item.name}
              data-volume={item.volume && item.state !== 'removed' ? item.name : undefined}
              tabIndex={0}
              onClick={() => onSelect(item.id)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(item.id)}
            >
              <span className="storage-kind-icon">
                <KindIcon kind={item.kind} />
              </span>
              <span className="storage-row-main">
                <span className="storage-row-name mono" title={item.name}>
                  {displayName(item)}
                  {item.berthOwner && <span className="owner-chip">berth:{item.berthOwner}</span>}
                  {demo && <span className="storage-demo-chip">demo</span>}
                </span>
                <span className="storage-row-meta" title={describeItem(item)}>
                  {describeItem(item)}
                </span>
              </span>
              <span className="storage-row-side">
                <StateBadge state={item.state} />
                <span className="storage-row-time">
                  <MiniTimeline entries={history.get(item.id)} />
                  {formatRelativeTime(item.changedAt)}
                </span>
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
