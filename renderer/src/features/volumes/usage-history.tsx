import type { LineageEntry } from '@contract';

interface Usage {
  containerId: string;
  containerName: string;
  destination: string;
  rw: boolean | undefined;
  first: number;
  last: number;
  lastAction: string;
}

/** One line per container that touched the item, from its history: where, how, and when. */
export function summariseUsage(entries: LineageEntry[]): Usage[] {
  const byContainer = new Map<string, Usage>();
  for (const e of entries) {
    if (!e.containerId) continue;
    const known = byContainer.get(e.containerId);
    if (!known) {
      byContainer.set(e.containerId, {
        containerId: e.containerId,
        containerName: e.containerName ?? e.containerId.slice(0, 12),
        destination: e.destination ?? '',
        rw: e.rw,
        first: e.at,
        last: e.at,
        lastAction: e.action,
      });
      continue;
    }
    known.first = Math.min(known.first, e.at);
    if (e.at >= known.last) {
      known.last = e.at;
      known.lastAction = e.action;
    }
    if (e.containerName) known.containerName = e.containerName;
    if (e.destination) known.destination = e.destination;
    if (e.rw !== undefined) known.rw = e.rw;
  }
  return [...byContainer.values()].sort((a, b) => a.first - b.first);
}

const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour12: false });

/** The containers that used an item and when, as a compact table. */
export function UsageHistory({ entries }: { entries: LineageEntry[] }) {
  const usage = summariseUsage(entries);
  if (!usage.length) return null;
  return (
    <table className="usage-table" aria-label="Containers that used it">
      <thead>
        <tr>
          <th>Container</th>
          <th>At</th>
          <th>From</th>
          <th>Last</th>
        </tr>
      </thead>
      <tbody>
        {usage.map((u) => (
          <tr key={u.containerId}>
            <td className="mono" title={u.containerId}>
              {u.containerName}
            </td>
            <td className="mono">
              {u.destination}
              {u.rw !== undefined && <span className="faint"> {u.rw ? 'read-write' : 'read-only'}</span>}
            </td>
            <td>{time(u.first)}</td>
            <td title={u.lastAction}>{time(u.last)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
