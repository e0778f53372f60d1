/**
 * `npm run bench:vault`: builds a synthetic vault of 5,000 notes (~2 KB each, with links, tags
 * and headings) in a temp dir and measures indexing, memory, search, rendering a 1 MB note and
 * the time from a file change on disk to an updated index. Prints one JSON object last.
 * `index_ms` is the time until the tree, links, backlinks and rendering are ready; the full-text
 * index fills in after that (`search_ready_ms`, from the same start; `index_cpu_ms` covers both).
 * `*_cpu_ms` figures are the CPU time the work took, which is what it costs on an idle machine
 * (wall-clock figures on a loaded machine include waiting for a core). Notes are parsed on index
 * worker threads as in the app (`index_variants` has 1 worker, 2 workers and in-process);
 * `index_loop_delay_max_ms` is the main thread's longest block while indexing (goal <= 50 ms).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { silentLogger } from '../main/services/logging/logger';
import { renderNote } from '../main/services/vault/render-note';
import { defaultIndexWorkerCount, IndexWorkers } from '../main/services/vault/index-workers';
import { inProcessParser } from '../main/services/vault/note-parser';
import { VaultIndex } from '../main/services/vault/vault-index';
import { volatileVaultMemory } from '../main/services/vault/vault-memory';
import { VaultService } from '../main/services/vault/vault-service';
import { MAIN_PROCESS_V8_FLAGS } from '../scripts/main-process-flags.mjs';
import { calibrationLoopMs, percentile } from './machine';
import {
  seededRandom,
  syntheticNote,
  syntheticNoteName,
  writeSyntheticVault,
} from './vault-synthetic';

// The index and the render run on this thread as on the app's main thread: with its V8 flags.
if (!MAIN_PROCESS_V8_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  const again = spawnSync(
    process.execPath,
    [...MAIN_PROCESS_V8_FLAGS, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(again.status ?? 1);
}

const NOTES = Number(process.env.BENCH_VAULT_NOTES ?? 5000);

const round = (value: number) => Math.round(value * 10) / 10;
/** The index worker from its TypeScript source (tsx); the built app runs out/main/index-worker.js. */
const INDEX_WORKER = path.join(import.meta.dirname, '../main/services/vault/index-worker.ts');
/** The configuration the app runs with on this machine. */
const APP_VARIANT = defaultIndexWorkerCount() >= 2 ? 'workers2' : 'workers1';

interface IndexFigures {
  index_ms: number;
  index_runs_ms: number[];
  index_cpu_ms: number;
  index_loop_delay_max_ms: number[];
  search_ready_ms: number;
}

/** Builds a fresh index three times; wall clock, process CPU (all threads) and the main loop's longest block. */
async function measureIndex(fresh: () => VaultIndex): Promise<IndexFigures> {
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  const searchReady: number[] = [];
  const loopDelayMax: number[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  for (let run = 0; run < 3; run++) {
    const index = fresh();
    (globalThis as { gc?: () => void }).gc?.();
    // Let the forced collection's concurrent sweeping finish: otherwise the index's first
    // allocations finish it on the main thread, a 40-90 ms block the app never sees.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cpu = process.cpuUsage();
    loopDelay.reset();
    loopDelay.enable();
    const started = performance.now();
    await index.build();
    runs.push(performance.now() - started);
    await index.searchReady;
    searchReady.push(performance.now() - started);
    loopDelay.disable();
    loopDelayMax.push(round(loopDelay.max / 1e6));
    const used = process.cpuUsage(cpu);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  return {
    index_ms: round(percentile(runs, 50)),
    index_runs_ms: runs.map(round),
    index_cpu_ms: round(percentile(cpuRuns, 50)),
    index_loop_delay_max_ms: loopDelayMax,
    search_ready_ms: round(percentile(searchReady, 50)),
  };
}

function megabyteNote(): string {
  const random = seededRandom(7);
  const parts: string[] = ['---\ntags: [bench, big]\n---\n# A one-megabyte note\n'];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const chunk =
      i % 10 === 0
        ? `> [!note] Callout ${i}\n> Inside a callout with ==highlight== and [[${syntheticNoteName(i)}#Heading]].\n\n| a | b |\n|---|---|\n| ${i} | x<br>y |\n\n\`\`\`bash\ndocker run --rm -v data:/data busybox ls /data # ${i}\n\`\`\`\n`
        : syntheticNote(i, NOTES, 2000, random).replace(/^---[\s\S]*?---\n/, '');
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('\n');
}

async function main(): Promise<void> {
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'berth-bench-vault-')));
  const load = os.loadavg()[0] ?? 0;
  try {
    process.stderr.write(`Writing ${NOTES} notes to ${dir}…\n`);
    const paths = await writeSyntheticVault(dir, NOTES);

    // Index (cold start of the reader: tree, links, backlinks, tags and search all ready), with
    // notes parsed on index worker threads as the app does (1 and 2 workers), and in-process.
    const variants = {
      workers1: new IndexWorkers({ workerFile: INDEX_WORKER, workers: 1 }),
      workers2: new IndexWorkers({ workerFile: INDEX_WORKER, workers: 2 }),
      in_process: inProcessParser,
    };
    const measured: Record<string, IndexFigures> = {};
    let index = new VaultIndex(dir);
    for (const [name, parser] of Object.entries(variants)) {
      // One unmeasured run starts the workers (through the tsx loader here; the built app starts them with the vault).
      await new VaultIndex(dir, parser).build();
      const figures = await measureIndex(() => (index = new VaultIndex(dir, parser)));
      measured[name] = figures;
      await parser.stop?.();
    }
    (globalThis as { gc?: () => void }).gc?.();
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    const app = measured[APP_VARIANT] as IndexFigures;

    // Search: single words, two words, prefixes, a note name.
    const random = seededRandom(99);
    const words = [
      'volume',
      'container',
      'image',
      'network',
      'persist',
      'snapshot',
      'bridge',
      'layer',
      'registry',
      'daemon',
    ];
    const queries: string[] = [];
    for (let i = 0; i < 300; i++) {
      const kind = i % 4;
      const a = words[Math.floor(random() * words.length)] ?? 'volume';
      const b = words[Math.floor(random() * words.length)] ?? 'image';
      queries.push(
        kind === 0
          ? a
          : kind === 1
            ? `${a} ${b}`
            : kind === 2
              ? a.slice(0, 4)
              : syntheticNoteName(Math.floor(random() * NOTES)),
      );
    }
    for (const query of queries.slice(0, 20)) index.search.search(query);
    const searchTimes = queries.map((query) => {
      const started = performance.now();
      index.search.search(query, 50);
      return performance.now() - started;
    });

    // Render a 1 MB note through the reader's pipeline.
    const big = megabyteNote();
    const lookup = {
      resolver: index.resolver,
      scanOf: (p: string) => index.notes.get(p)?.scan,
      sourceOf: () => null,
    };
    renderNote('Big.md', big, lookup);
    const renderTimes: number[] = [];
    const renderCpu: number[] = [];
    for (let run = 0; run < 5; run++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      renderNote('Big.md', big, lookup);
      renderTimes.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      renderCpu.push((used.user + used.system) / 1000);
    }

    // Update: write a note on disk, wait until the watcher-driven index has it.
    const service = new VaultService({
      bundledVaultDir: dir,
      parser: new IndexWorkers({ workerFile: INDEX_WORKER }),
      publish: () => undefined,
      log: silentLogger,
      memory: volatileVaultMemory(),
    });
    await service.open(dir);
    const updateTimes: number[] = [];
    for (let run = 0; run < 10; run++) {
      const target = paths[run * 37] ?? paths[0] ?? '';
      const marker = `benchmarker${run}`;
      const indexed = new Promise<void>((resolve) => {
        const off = service.onIndexed((changed) => {
          if (changed.includes(target)) {
            off();
            resolve();
          }
        });
      });
      const started = performance.now();
      await fs.appendFile(path.join(dir, target), `\n${marker} [[${syntheticNoteName(run)}]]\n`);
      await indexed;
      updateTimes.push(performance.now() - started);
      if (!(await service.search(marker)).hits.length) throw new Error('update was not searchable');
    }
    await service.stop();

    const result = {
      notes: index.notes.size,
      vault_mb: round((await dirSize(dir)) / 1e6),
      // The app's configuration (index workers); per-variant figures below.
      index_ms: app.index_ms,
      index_runs_ms: app.index_runs_ms,
      index_cpu_ms: app.index_cpu_ms,
      // Longest the main thread's event loop was blocked while indexing (perf_hooks.monitorEventLoopDelay), per run.
      index_loop_delay_max_ms: app.index_loop_delay_max_ms,
      main_v8_flags: MAIN_PROCESS_V8_FLAGS.join(' '),
      search_ready_ms: app.search_ready_ms,
      index_variants: measured,
      heap_mb: round(heapMb),
      search_p50_ms: round(percentile(searchTimes, 50)),
      search_p95_ms: round(percentile(searchTimes, 95)),
      render_1mb_ms: round(percentile(renderTimes, 50)),
      render_1mb_cpu_ms: round(percentile(renderCpu, 50)),
      update_ms: round(percentile(updateTimes, 50)),
      update_max_ms: round(Math.max(...updateTimes)),
      load_avg_1m: round(load),
      calibration_loop_cpu_ms: round(calibrationLoopMs()),
      cpus: os.cpus().length,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:vault failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
