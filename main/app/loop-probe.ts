import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What the probe writes: the main process's event-loop delay and peak RSS since the last reset. */
export interface LoopProbeReport {
  seq: number;
  loop_delay_max_ms: number;
  loop_delay_p99_ms: number;
  rss_peak_mb: number;
}

/**
 * For benchmarks (`BERTH_LOOP_PROBE_FILE`): watches the event loop with
 * `perf_hooks.monitorEventLoopDelay` and samples RSS; on SIGUSR2 writes a `LoopProbeReport`
 * to the file and starts a new measuring window. Does nothing unless the variable is set.
 */
export function startLoopProbe(file = process.env.BERTH_LOOP_PROBE_FILE): void {
  if (!file) return;
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let rssPeak = process.memoryUsage.rss();
  let seq = 0;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 20);
  sampler.unref();
  process.on('SIGUSR2', () => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    const report: LoopProbeReport = {
      seq: ++seq,
      loop_delay_max_ms: Math.round(histogram.max / 1e5) / 10,
      loop_delay_p99_ms: Math.round(histogram.percentile(99) / 1e5) / 10,
      rss_peak_mb: Math.round(rssPeak / 1e5) / 10,
    };
    fs.writeFileSync(file, JSON.stringify(report));
    histogram.reset();
    rssPeak = process.memoryUsage.rss();
  });
}
