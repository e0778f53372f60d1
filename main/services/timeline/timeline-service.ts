import type { NetworkLineageEntry } from '../../contract/networks';
import type { TimelineModel } from '../../contract/timeline';
import type { LineageEntry, RawEvent } from '../../contract/volumes';
import type { RunRecord } from '../demos/run-types';
import { buildTimeline, type TimelineEvent } from './timeline-model';
import { timelineSvg } from './timeline-svg';

/** Where the timeline reads from: the storage and network lineage, the event log, the run history. */
export interface TimelineSources {
  storageLineage(): LineageEntry[];
  networkLineage(): NetworkLineageEntry[];
  recentEvents(): RawEvent[];
  getRun(runId: string): RunRecord;
}

/** How long after a run's end its clean-up events still count as part of it. */
const RUN_TAIL_MS = 3_000;

/** Docker's raw events as timeline events (containers by name). */
export function fromRawEvents(events: readonly RawEvent[]): TimelineEvent[] {
  return events.map((e) => ({
    type: e.type,
    action: e.action.split(':')[0] ?? e.action,
    name: e.attributes.name ?? e.actorId,
    at: Math.floor(e.timeNano / 1e6) || e.receivedAt,
  }));
}

/** The steps of a run as bands; older records without step start times are laid end to end. */
export function runBands(record: RunRecord): TimelineModel['bands'] {
  let cursor = record.startedAt;
  return record.steps
    .filter((step) => step.status !== 'pending')
    .map((step) => {
      const from = step.startedAt ?? cursor;
      const to = from + Math.max(1, step.durationMs ?? 0);
      cursor = to;
      return { index: step.index, title: step.title, from, to, status: step.status };
    });
}

/** The lifecycle timeline: live, or of one demo run (rebuilt from the run history and lineage). */
export class TimelineService {
  constructor(private readonly sources: TimelineSources) {}

  live(since?: number): TimelineModel {
    const keep = <T extends { at: number }>(items: T[]) =>
      since === undefined ? items : items.filter((item) => item.at >= since);
    return buildTimeline({
      title: 'Everything Berth has seen',
      storage: keep(this.sources.storageLineage()),
      networks: keep(this.sources.networkLineage()),
      events: keep(
        fromRawEvents(this.sources.recentEvents()).filter((e) => e.type === 'container'),
      ),
      ...(since !== undefined ? { from: since } : {}),
    });
  }

  forRun(runId: string): TimelineModel {
    const record = this.sources.getRun(runId);
    const from = record.startedAt - 200;
    const to = (record.finishedAt ?? Date.now()) + RUN_TAIL_MS;
    const inWindow = (at: number) => at >= from && at <= to;
    const containers = new Set(record.resources.container);
    const volumes = new Set(record.resources.volume.map((name) => `volume:${name}`));
    const networks = new Set(record.resources.network);
    const storageAll = this.sources.storageLineage().filter((e) => inWindow(e.at));
    // Items of the run: its named volumes, and anything its containers used (anonymous volumes, binds, tmpfs).
    const items = new Set(volumes);
    for (const entry of storageAll)
      if (entry.containerName && containers.has(entry.containerName.replace(/^\//, '')))
        items.add(entry.itemId);
    const networkAll = this.sources
      .networkLineage()
      .filter(
        (e) =>
          inWindow(e.at) &&
          (networks.has(e.networkName) ||
            (e.containerName !== undefined && containers.has(e.containerName))),
      );
    const lastEvent = Math.max(to - RUN_TAIL_MS, ...record.events.map((e) => e.at));
    return buildTimeline({
      title: record.title,
      runId,
      storage: storageAll.filter((e) => items.has(e.itemId)),
      networks: networkAll,
      events: record.events,
      bands: runBands(record),
      from: record.startedAt,
      to: Math.min(to, lastEvent + 500),
    });
  }

  /** The run's timeline (or the live one) as a self-contained SVG, with a file name for it. */
  svg(options: { runId?: string; since?: number; theme: 'light' | 'dark' }): {
    fileName: string;
    svg: string;
  } {
    const model = options.runId ? this.forRun(options.runId) : this.live(options.since);
    const stamp = new Date(model.from)
      .toISOString()
      .slice(0, 19)
      .replace(/[-:]/g, '')
      .replace('T', '-');
    const subject = options.runId ? this.sources.getRun(options.runId).demoId : 'docker';
    return {
      fileName: `berth-timeline-${subject}-${stamp}.svg`,
      svg: timelineSvg(model, options.theme),
    };
  }
}
