import { useEffect, useState } from 'react';
import type { LineageEntry, StorageItem } from '@contract';
import { getApi } from '../../api';
import { describeMount } from './mount-mode';
import { StateBadge, stateColor } from './state-badge';
import { UsageHistory } from './usage-history';

/** An item's history: who used it, then every event and state change, newest first, in words. */
export function StorageHistory({ item, tick }: { item: StorageItem; tick: number }) {
  const [entries, setEntries] = useState<LineageEntry[]>();
  useEffect(() => {
    let alive = true;
    getApi()
      .call('volumes.lineage', { itemId: item.id, limit: 500 })
      .then((r) => alive && setEntries(r.entries))
      .catch(() => alive && setEntries([]));
    return () => {
      alive = false;
    };
  }, [item.id, tick]);
  if (!entries) return <div className="muted pad">Loading history…</div>;
  if (!entries.length)
    return <div className="muted pad">No history yet: Berth records what happens from now on.</div>;
  return (
    <>
      <UsageHistory entries={entries} />
      <h3 className="detail-h3">Timeline</h3>
      <ol className="timeline" aria-label="History">
        {[...entries].reverse().map((e) => (
          <li key={e.seq} className={`timeline-entry type-${e.type}`}>
            <span
              className="timeline-dot"
              style={{ background: e.to ? stateColor(e.to) : undefined }}
            />
            <div>
              <div className="timeline-action">
                {e.type === 'state' && e.to ? (
                  <StateBadge state={e.to} />
                ) : (
                  <span className="mono">{e.action}</span>
                )}
                {e.reconciled && (
                  <span className="faint small" title="Found by listing, not from an event">
                    {' '}
                    · by listing
                  </span>
                )}
              </div>
              <div className="timeline-meta">
                {new Date(e.at).toLocaleTimeString()}
                {e.containerName && <> · {e.containerName}</>}
                {e.destination && <> · {e.destination}</>}
                {describeMount(e.rw, e.mode) && <> · {describeMount(e.rw, e.mode)}</>}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
