import fs from 'node:fs';
import path from 'node:path';
import type { RunRecord } from '../services/demos/run-types';
import { buildTimeline } from '../services/timeline/timeline-model';
import { runBands } from '../services/timeline/timeline-service';
import { timelineSvg } from '../services/timeline/timeline-svg';

/**
 * `npm run demo -- ID --timeline-svg FILE`: writes the finished run's timeline as an SVG, built
 * from the events the run recorded (the headless CLI has no lineage; "dangling" is inferred).
 */
export function writeRunTimelineSvg(
  record: RunRecord,
  file: string,
  theme: 'light' | 'dark' = 'light',
): string {
  const model = buildTimeline({
    title: record.title,
    runId: record.runId,
    storage: [],
    networks: [],
    events: record.events,
    bands: runBands(record),
    from: record.startedAt,
    to: record.finishedAt ?? Date.now(),
  });
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, timelineSvg(model, theme));
  return target;
}
