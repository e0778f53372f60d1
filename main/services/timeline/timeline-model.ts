import type {
  TimelineModel,
  TimelineRow,
  TimelineRowKind,
  TimelineState,
} from '../../contract/timeline';
import type { LineageEntry } from '../../contract/volumes';
import type { NetworkLineageEntry } from '../../contract/networks';

/** A Docker event as a run records it, or as the live event log has it. */
export interface TimelineEvent {
  type: string;
  action: string;
  /** Container or network name, or volume name. */
  name: string;
  at: number;
  /** Containers: their id. */
  actorId?: string;
  /** Volume mount/unmount: the container's id. */
  container?: string;
}

/** Inputs of one timeline: storage and network lineage, container events, optional step bands. */
export interface TimelineInputs {
  title: string;
  runId?: string;
  storage: readonly LineageEntry[];
  networks: readonly NetworkLineageEntry[];
  events: readonly TimelineEvent[];
  bands?: TimelineModel['bands'];
  /** The visible window; defaults to the first and last thing that happened. */
  from?: number;
  to?: number;
}

/** How soon after its container a volume must go to count as removed with it (`--rm`, `rm -v`). */
const TAKEN_ALONG_MS = 1_500;

const CONTAINER_STATE: Record<string, TimelineState> = {
  create: 'created',
  start: 'running',
  restart: 'running',
  unpause: 'running',
  die: 'stopped',
  stop: 'stopped',
  kill: 'stopped',
  destroy: 'removed',
};
const VOLUME_STATE: Record<string, TimelineState> = {
  create: 'created',
  mount: 'mounted',
  unmount: 'unmounted',
  destroy: 'removed',
};
const NETWORK_STATE: Record<string, TimelineState> = {
  create: 'created',
  connect: 'in-use',
  disconnect: 'unused',
  destroy: 'removed',
};

/** A storage lineage item id (`volume:<name>`, `bind:<path>`, `tmpfs:<id>:<dest>`) as a row kind. */
function storageKind(itemId: string): TimelineRowKind {
  if (itemId.startsWith('bind:')) return 'bind';
  if (itemId.startsWith('tmpfs:')) return 'tmpfs';
  return /^volume:[0-9a-f]{64}$/.test(itemId) ? 'anonymous' : 'named';
}

function storageLabel(itemId: string, kind: TimelineRowKind): string {
  const name = itemId.slice(itemId.indexOf(':') + 1);
  if (kind === 'anonymous') return `anonymous ${name.slice(0, 12)}`;
  if (kind === 'tmpfs') return `tmpfs ${name.slice(name.indexOf(':') + 1)}`;
  return name;
}

class RowBuilder {
  readonly row: TimelineRow;
  constructor(id: string, kind: TimelineRowKind, label: string) {
    this.row = { id, kind, label, segments: [], ticks: [], links: [] };
  }
  /** Enters `state` at `at` (closing the open segment); the same state again is only a tick. */
  enter(state: TimelineState, at: number, cause: string): void {
    const open = this.row.segments[this.row.segments.length - 1];
    if (open && open.to === null) {
      if (open.state === state) return;
      open.to = Math.max(open.from, at);
    }
    this.row.segments.push({ state, from: at, to: state === 'removed' ? at : null, cause });
  }
  tick(at: number, action: string): void {
    this.row.ticks.push({ at, action });
  }
  link(rowId: string, at: number): void {
    if (!this.row.links.some((l) => l.rowId === rowId)) this.row.links.push({ rowId, at });
  }
}

/**
 * Builds a timeline: one row per object, ordered by first appearance, each a list of state
 * segments and event ticks; container rows link to the mounts and networks they used. Storage
 * states come from Berth's lineage (which knows "dangling"); containers from Docker events.
 */
export function buildTimeline(inputs: TimelineInputs): TimelineModel {
  const rows = new Map<string, RowBuilder>();
  const firstSeen = new Map<string, number>();
  const rowFor = (id: string, kind: TimelineRowKind, label: string, at: number) => {
    let row = rows.get(id);
    if (!row) {
      row = new RowBuilder(id, kind, label);
      rows.set(id, row);
      firstSeen.set(id, at);
    }
    firstSeen.set(id, Math.min(firstSeen.get(id) ?? at, at));
    return row;
  };
  const containerRowId = (name: string) => `container:${name.replace(/^\//, '')}`;
  // In a run's timeline, `berth-<run>-writer` reads better as `writer`.
  const runPrefix = inputs.runId ? `berth-${inputs.runId}-` : undefined;
  const short = (name: string) =>
    runPrefix && name.startsWith(runPrefix) ? name.slice(runPrefix.length) : name;
  const storageItemsWithLineage = new Set(inputs.storage.map((e) => e.itemId));

  const events = [...inputs.events].sort((a, b) => a.at - b.at);
  // Without lineage (a headless run), volume states come from events; "dangling" is inferred:
  // a volume still there after every container that mounted it was removed.
  const containerNames = new Map<string, string>();
  const volumeUsers = new Map<string, Set<string>>();
  // `--rm` and `rm -v` remove the volume right after its container: that is not dangling.
  const volumeRemovedAt = new Map(
    events
      .filter((e) => e.type === 'volume' && e.action === 'destroy')
      .map((e) => [`volume:${e.name}`, e.at]),
  );
  const takenAlong = (volumeId: string, at: number) => {
    const removed = volumeRemovedAt.get(volumeId);
    return removed !== undefined && removed >= at && removed - at <= TAKEN_ALONG_MS;
  };
  for (const event of events) {
    if (event.type === 'container') {
      const name = event.name.replace(/^\//, '');
      if (event.actorId) containerNames.set(event.actorId, name);
      const row = rowFor(containerRowId(name), 'container', short(name), event.at);
      const state = CONTAINER_STATE[event.action];
      if (state) row.enter(state, event.at, `container ${event.action}`);
      row.tick(event.at, event.action);
      if (event.action === 'destroy' && event.actorId) {
        for (const [volumeId, users] of volumeUsers) {
          if (!users.delete(event.actorId) || users.size) continue;
          const volume = rows.get(volumeId);
          const open = volume?.row.segments.at(-1);
          if (
            volume &&
            open &&
            open.to === null &&
            open.state !== 'removed' &&
            !takenAlong(volumeId, event.at)
          ) {
            volume.enter('dangling', event.at, `its last container ${short(name)} was removed`);
          }
        }
      }
    } else if (event.type === 'volume' && !storageItemsWithLineage.has(`volume:${event.name}`)) {
      const id = `volume:${event.name}`;
      const kind = storageKind(id);
      const row = rowFor(id, kind, storageLabel(id, kind), event.at);
      const user = event.container ? containerNames.get(event.container) : undefined;
      const state = VOLUME_STATE[event.action];
      if (state)
        row.enter(state, event.at, `volume ${event.action}${user ? ` by ${short(user)}` : ''}`);
      row.tick(event.at, event.action);
      if (event.action === 'mount' && event.container) {
        if (!volumeUsers.has(id)) volumeUsers.set(id, new Set());
        volumeUsers.get(id)?.add(event.container);
        if (user)
          rowFor(containerRowId(user), 'container', short(user), event.at).link(id, event.at);
      }
    } else if (event.type === 'network' && !inputs.networks.length && event.name !== 'none') {
      const row = rowFor(`network:${event.name}`, 'network', short(event.name), event.at);
      const state = NETWORK_STATE[event.action];
      if (state) row.enter(state, event.at, `network ${event.action}`);
      row.tick(event.at, event.action);
    }
  }

  for (const entry of [...inputs.storage].sort((a, b) => a.at - b.at || a.seq - b.seq)) {
    const kind = storageKind(entry.itemId);
    const row = rowFor(entry.itemId, kind, short(storageLabel(entry.itemId, kind)), entry.at);
    const by = entry.containerName ? ` by ${short(entry.containerName.replace(/^\//, ''))}` : '';
    if (entry.type === 'state' && entry.to) row.enter(entry.to, entry.at, `${entry.action}${by}`);
    else row.tick(entry.at, entry.action);
    if (entry.containerName)
      rowFor(
        containerRowId(entry.containerName),
        'container',
        short(entry.containerName.replace(/^\//, '')),
        entry.at,
      ).link(entry.itemId, entry.at);
  }

  // `none` has no connectivity to show; a row for it would only be noise.
  for (const entry of [...inputs.networks]
    .filter((e) => e.networkName !== 'none')
    .sort((a, b) => a.at - b.at || a.seq - b.seq)) {
    const id = `network:${entry.networkName}`;
    const row = rowFor(id, 'network', short(entry.networkName), entry.at);
    if (entry.type === 'state' && entry.to) row.enter(entry.to, entry.at, entry.action);
    else
      row.tick(entry.at, `${entry.action}${entry.containerName ? ` ${entry.containerName}` : ''}`);
    if (entry.containerName)
      rowFor(
        containerRowId(entry.containerName),
        'container',
        short(entry.containerName),
        entry.at,
      ).link(id, entry.at);
  }

  const times = [...rows.values()].flatMap((r) => [
    ...r.row.segments.map((s) => s.from),
    ...r.row.ticks.map((t) => t.at),
  ]);
  for (const band of inputs.bands ?? []) times.push(band.from, band.to);
  const from = inputs.from ?? (times.length ? Math.min(...times) : Date.now());
  const to = Math.max(inputs.to ?? (times.length ? Math.max(...times) : from), from + 1);
  const ordered = [...rows.values()]
    .sort((a, b) => (firstSeen.get(a.row.id) ?? 0) - (firstSeen.get(b.row.id) ?? 0))
    .map((r) => r.row);
  return {
    title: inputs.title,
    ...(inputs.runId ? { runId: inputs.runId } : {}),
    from,
    to,
    rows: ordered,
    bands: inputs.bands ?? [],
  };
}
