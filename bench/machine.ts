import os from 'node:os';

/** CPU milliseconds for a fixed 1e8-step loop: ~70-100 ms on a typical 2023 laptop core; scales the other figures. */
export function calibrationLoopMs(): number {
  const cpu = process.cpuUsage();
  let sum = 0;
  for (let i = 0; i < 1e8; i++) sum += i % 7;
  const used = process.cpuUsage(cpu);
  return sum > 0 ? (used.user + used.system) / 1000 : 0;
}

/** What every benchmark prints beside its numbers: the machine's load and the calibration figure. */
export function machineFacts(): {
  cores: number;
  load_1m: number;
  calibration_loop_cpu_ms: number;
} {
  return {
    cores: os.cpus().length,
    load_1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    calibration_loop_cpu_ms: Math.round(calibrationLoopMs() * 10) / 10,
  };
}

/** The p-th percentile (0-100) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
