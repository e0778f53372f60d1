import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { FromIndexWorker, ToIndexWorker } from './index-worker';
import { BIG_NOTE_BYTES, inProcessParser, type NoteParser } from './note-parser';
import type { NoteRecord } from './note-record';
import { receiveRecord } from './record-transfer';
import { builtEntryFile, startWorker } from './worker-entry';

export interface IndexWorkersOptions {
  /** The built worker (default), a `.ts` source (started through the tsx loader, for tests and benchmarks), or null (parse in-process). */
  workerFile?: string | null;
  /** How many worker threads parse in parallel (default: one per spare core, at most two). */
  workers?: number;
  /** Notes per message: small enough that taking one batch in costs the main thread a few milliseconds. */
  batchSize?: number;
  /** Workers are stopped after this long without work (their memory goes back to the system). */
  idleMs?: number;
}

/** Fewer notes than this are parsed in-process: a message round trip would cost more than it saves. */
const MIN_PATHS_FOR_WORKERS = 64;

/** The notes among `paths` of at least `BIG_NOTE_BYTES` (one stat each; a file that cannot be read is left to the parser). */
async function bigNotesAmong(root: string, paths: readonly string[]): Promise<Set<string>> {
  const sizes = await Promise.all(paths.map((relative) => fs.stat(path.join(root, relative)).then((stat) => stat.size, () => 0)));
  return new Set(paths.filter((_, at) => (sizes[at] ?? 0) >= BIG_NOTE_BYTES));
}

interface Pending {
  worker: Worker;
  resolve(records: NoteRecord[]): void;
  reject(error: Error): void;
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}

/**
 * Index workers the app starts: one per core, at most two. Two beat one even on two cores, where
 * they share the cores with the main thread (bench:vault, quiet machine: 5,000 notes in 504 ms
 * with two, 611 ms with one, 558 ms in-process; the main loop's longest delay the same).
 */
export function defaultIndexWorkerCount(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

/**
 * Reads and scans notes on worker threads, so indexing a vault never blocks the main process:
 * the main thread only takes in small batches of finished records. Each worker has two batches
 * in flight (it parses the next while the main thread takes in the last). A worker that fails
 * leaves its batches to the in-process parser; without a worker file everything is in-process.
 */
export class IndexWorkers implements NoteParser {
  private readonly file: string | null;
  private readonly count: number;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private running = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(options: IndexWorkersOptions = {}) {
    this.file = options.workerFile === undefined ? builtEntryFile('index-worker') : options.workerFile;
    this.count = Math.max(1, options.workers ?? defaultIndexWorkerCount());
    this.batchSize = options.batchSize ?? 64;
    this.idleMs = options.idleMs ?? 10_000;
  }

  /** Worker threads running now (they stop after `idleMs` without work). */
  get threads(): number {
    return this.workers.length;
  }

  /** True when notes are parsed on worker threads (a worker file exists). */
  get usesWorkers(): boolean {
    return this.file !== null;
  }

  async parse(root: string, paths: readonly string[], onBatch: (records: NoteRecord[]) => void): Promise<void> {
    if (this.file === null) return inProcessParser.parse(root, paths, onBatch);
    if (paths.length < MIN_PATHS_FOR_WORKERS) {
      // A few notes are read here, except big ones (a pasted table, a log): one each to a worker.
      const big = await bigNotesAmong(root, paths);
      await inProcessParser.parse(root, paths.filter((relative) => !big.has(relative)), onBatch);
      if (big.size) await this.parseOnWorkers(this.file, root, [...big].map((relative) => [relative]), onBatch);
      return;
    }
    await this.parseOnWorkers(this.file, root, chunked(paths, this.batchSize), onBatch);
  }

  private async parseOnWorkers(file: string, root: string, chunks: string[][], onBatch: (records: NoteRecord[]) => void): Promise<void> {
    this.running++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    try {
      const leftOver: string[][] = [];
      let next = 0;
      const lane = async (worker: Worker) => {
        while (next < chunks.length) {
          const chunk = chunks[next++] as string[];
          try {
            onBatch(await this.send(worker, root, chunk));
          } catch {
            leftOver.push(chunk);
            return;
          }
        }
      };
      await Promise.all(this.ensureWorkers(file).flatMap((worker) => [lane(worker), lane(worker)]));
      leftOver.push(...chunks.slice(next));
      for (const chunk of leftOver) await inProcessParser.parse(root, chunk, onBatch);
    } finally {
      this.running--;
      this.scheduleIdleStop();
    }
  }

  async stop(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const workers = this.workers;
    this.workers = [];
    for (const worker of workers) this.failPending(worker, new Error('The index workers were stopped.'));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private send(worker: Worker, root: string, paths: string[]): Promise<NoteRecord[]> {
    const id = this.nextId++;
    return new Promise<NoteRecord[]>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.ref();
      worker.postMessage({ type: 'parse', id, root, paths } satisfies ToIndexWorker);
    });
  }

  private ensureWorkers(file: string): Worker[] {
    while (this.workers.length < this.count) {
      const worker = startWorker(file);
      worker.unref();
      worker.on('message', (message: FromIndexWorker) => this.onMessage(worker, message));
      worker.on('error', (error) => this.onExit(worker, error));
      worker.on('exit', (code) => this.onExit(worker, new Error(`An index worker stopped (exit code ${code}).`)));
      this.workers.push(worker);
    }
    return this.workers;
  }

  private onMessage(worker: Worker, message: FromIndexWorker): void {
    if (message.type !== 'parsed') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (![...this.pending.values()].some((other) => other.worker === worker)) worker.unref();
    pending.resolve(message.records.map(receiveRecord));
  }

  private onExit(worker: Worker, error: Error): void {
    this.workers = this.workers.filter((other) => other !== worker);
    this.failPending(worker, error);
  }

  private failPending(worker: Worker, error: Error): void {
    for (const [id, pending] of [...this.pending]) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }

  private scheduleIdleStop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.running > 0 || !this.workers.length) return;
    this.idleTimer = setTimeout(() => void this.stop(), this.idleMs);
    this.idleTimer.unref();
  }
}
