import type { RunDockerEvent, RunRecord, StepRecord } from '../main/services/demos/run-types';
import { SeededRandom } from './soak/random';

/**
 * A run record as the run history stores it (`<user data>/demo-runs/<id>.json`), with
 * `objects` objects (half containers, half volumes, each volume used by one container) and
 * `objects * 10` Docker events over `spanMs`, and `steps` steps laid over that time. Berth reads
 * it like any past run: `timeline.forRun` builds the model from it in the main process.
 */
export function syntheticRun(options: {
  runId: string;
  objects: number;
  steps: number;
  startedAt: number;
  spanMs: number;
}): RunRecord {
  const random = new SeededRandom(14);
  const { runId, startedAt, spanMs } = options;
  const pairs = Math.floor(options.objects / 2);
  const events: RunDockerEvent[] = [];
  const hex = () =>
    Array.from({ length: 64 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  for (let i = 0; i < pairs; i++) {
    const name = `berth-${runId}-c${i}`;
    const id = hex();
    const volume = i % 3 === 0 ? hex() : `berth-${runId}-v${i}`;
    const born = startedAt + (i / pairs) * spanMs * 0.85;
    const life = 20_000 + random.next() * 60_000;
    const at = (fraction: number) => Math.round(born + fraction * life);
    events.push({ type: 'volume', action: 'create', name: volume, at: at(0) });
    events.push({ type: 'container', action: 'create', name, actorId: id, at: at(0.01) });
    // Four start/stop cycles: the container runs, the volume is mounted while it does.
    for (let cycle = 0; cycle < 4; cycle++) {
      const on = 0.02 + cycle * 0.22;
      events.push({ type: 'container', action: 'start', name, actorId: id, at: at(on) });
      events.push({ type: 'volume', action: 'mount', name: volume, container: id, at: at(on) + 1 });
      events.push({ type: 'container', action: 'die', name, actorId: id, at: at(on + 0.18) });
      events.push({
        type: 'volume',
        action: 'unmount',
        name: volume,
        container: id,
        at: at(on + 0.18) + 1,
      });
    }
    events.push({ type: 'container', action: 'destroy', name, actorId: id, at: at(0.92) });
    // Every third volume outlives its container for a while (dangling), the rest go with it.
    const gone = i % 3 === 0 ? at(0.92) + 5_000 + random.next() * 20_000 : at(0.92) + 200;
    events.push({ type: 'volume', action: 'destroy', name: volume, at: Math.round(gone) });
  }
  events.sort((a, b) => a.at - b.at);
  const finishedAt = Math.max(...events.map((e) => e.at)) + 100;
  const stepSpan = (finishedAt - startedAt) / options.steps;
  const steps: StepRecord[] = Array.from({ length: options.steps }, (_, index) => ({
    index,
    title: `Step ${index + 1}: containers ${Math.round((index / options.steps) * pairs)} onwards`,
    cli: `docker run --label berth.run=${runId} berth-busybox:1.36-local true`,
    status: 'passed',
    startedAt: Math.round(startedAt + index * stepSpan),
    durationMs: Math.round(stepSpan - 10),
    output: [],
    expectations: [],
  }));
  return {
    runId,
    demoId: 'bench-timeline',
    title: `Timeline bench: ${events.length} events over ${pairs * 2} objects`,
    note: 'bench',
    status: 'passed',
    startedAt,
    finishedAt,
    durationMs: finishedAt - startedAt,
    steps,
    events,
    resources: { container: [], network: [], volume: [], image: [] },
    pid: process.pid,
  };
}
