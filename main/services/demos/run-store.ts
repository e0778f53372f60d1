import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from './sweep';
import { summarizeRun, type RunRecord, type RunSummary } from './run-types';

const RUN_ID = /^[a-z0-9]{6,40}$/;

/**
 * The run history: one JSON file per run under `<dir>`, written atomically, so a student
 * can come back to a run (and annotations can cite it). Keeps the newest `limit` runs.
 */
export class RunStore {
  private readonly cache = new Map<string, RunRecord>();
  private loaded = false;

  constructor(
    private readonly dir: string,
    private readonly limit = 300,
    private readonly isAlive: (pid: number) => boolean = processAlive,
  ) {}

  private file(runId: string): string {
    return path.join(this.dir, `${runId}.json`);
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        const record = JSON.parse(fs.readFileSync(file, 'utf8')) as RunRecord;
        if (!record || typeof record.runId !== 'string' || !RUN_ID.test(record.runId) || !Array.isArray(record.steps)) throw new Error('not a run');
        this.cache.set(record.runId, record);
      } catch {
        // A torn or foreign file: keep it aside for a person to look at, never delete it.
        try {
          fs.renameSync(file, `${file}.unreadable`);
        } catch {
          // ignore
        }
      }
    }
  }

  /** Saves (or replaces) a run record. */
  save(record: RunRecord): void {
    this.load();
    this.cache.set(record.runId, record);
    fs.mkdirSync(this.dir, { recursive: true });
    const target = this.file(record.runId);
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(record));
    fs.renameSync(tmp, target);
    this.prune();
  }

  get(runId: string): RunRecord | undefined {
    if (!RUN_ID.test(runId)) return undefined;
    this.load();
    return this.cache.get(runId);
  }

  /** Newest first; optionally only one demo's runs, or only those `where` accepts. */
  list(options: { demoId?: string; limit?: number; where?: (record: RunRecord) => boolean } = {}): RunSummary[] {
    this.load();
    return [...this.cache.values()]
      .filter((r) => (!options.demoId || r.demoId === options.demoId) && (!options.where || options.where(r)))
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(0, options.limit ?? 50)
      .map(summarizeRun);
  }

  /**
   * Marks runs that were still "running" or "queued" when their Berth died as interrupted.
   * Returns the ids it changed.
   */
  markAbandoned(activeRuns: ReadonlySet<string>): string[] {
    this.load();
    const changed: string[] = [];
    for (const record of this.cache.values()) {
      if (record.status !== 'running' && record.status !== 'queued') continue;
      if (activeRuns.has(record.runId)) continue;
      if (record.pid !== process.pid && this.isAlive(record.pid)) continue;
      record.status = 'interrupted';
      record.reason = 'Berth stopped during this run; its leftovers were swept at the next start.';
      for (const step of record.steps) if (step.status === 'running' || step.status === 'pending') step.status = step.status === 'running' ? 'cancelled' : 'skipped';
      this.save(record);
      changed.push(record.runId);
    }
    return changed;
  }

  private prune(): void {
    if (this.cache.size <= this.limit) return;
    const oldest = [...this.cache.values()].sort((a, b) => a.startedAt - b.startedAt).slice(0, this.cache.size - this.limit);
    for (const record of oldest) {
      if (record.status === 'running' || record.status === 'queued') continue;
      this.cache.delete(record.runId);
      fs.rmSync(this.file(record.runId), { force: true });
    }
  }
}
