import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { RpcFailure } from '../../contract/errors';
import type { Logger } from '../logging/logger';
import type { EngineScope } from '../docker/engine-scope';
import { BaseImageResolver, type BaseImage } from './base-image';
import { builtInCatalogue } from './catalogue';
import type { Demo } from './demo-schema';
import { demoScript } from './cli-script';
import { DemoRun } from './demo-runner';
import { isDaemonGone } from './docker-errors';
import { composeAvailable } from './misc-actions';
import { RunStore } from './run-store';
import type { RunEvent, RunRecord, RunSummary } from './run-types';
import { describeSweep, sweepLeftovers, type SweepReport } from './sweep';
import { sweepDummyLinks } from './dummy-link';

/** A demo as the catalogue list shows it. */
export interface DemoSummary {
  id: string;
  title: string;
  summary: string;
  topic: string;
  note: string;
  heading?: string;
  requires?: string;
  stepCount: number;
  steps: { title: string; explain?: string }[];
}

export interface DemoServiceOptions {
  /** A Docker client without request timeout; throws a readable error while Docker is away. */
  docker: () => Dockerode;
  /** Folder of the run history. */
  historyDir: string;
  log: Logger;
  /** Receives every run event (the app maps them onto contract events). */
  onRunEvent?: (event: RunEvent) => void;
  /** Told once after a sweep removed something, in one sentence. */
  onNotice?: (message: string) => void;
  catalogue?: readonly Demo[];
  baseImage?: BaseImageResolver;
  workRoot?: string;
  /** Runs at the same time; more wait in a queue. Runs are isolated either way. */
  maxConcurrent?: number;
  composeAvailable?: () => Promise<{ available: boolean; reason: string }>;
  cleanup?: { attempts?: number; retryDelayMs?: number };
  /** The engine in use: runs record it, finish on the engine they started on, and the history is per engine. */
  engine?: EngineScope;
}

/** The demos feature: the catalogue, runs (queued, isolated, cancellable), history and sweeps. */
export class DemoService {
  readonly store: RunStore;
  readonly baseImage: BaseImageResolver;
  private readonly active = new Map<string, DemoRun>();
  private readonly slots: { grant: () => void }[] = [];
  private running = 0;
  private pendingCleanup = false;
  private lastSweep: SweepReport | null = null;
  private linksSwept = false;

  constructor(private readonly options: DemoServiceOptions) {
    this.store = new RunStore(options.historyDir);
    this.baseImage = options.baseImage ?? new BaseImageResolver();
  }

  private get catalogue(): readonly Demo[] {
    return this.options.catalogue ?? builtInCatalogue();
  }

  list(): DemoSummary[] {
    return this.catalogue.map((demo) => ({
      id: demo.id,
      title: demo.title,
      summary: demo.summary,
      topic: demo.topic,
      note: demo.note,
      ...(demo.heading ? { heading: demo.heading } : {}),
      ...(demo.requires ? { requires: demo.requires } : {}),
      stepCount: demo.steps.length,
      steps: demo.steps.map((s) => ({ title: s.title, ...(s.explain ? { explain: s.explain } : {}) })),
    }));
  }

  demo(id: string): Demo {
    const demo = this.catalogue.find((d) => d.id === id);
    if (!demo) throw new RpcFailure('not-found', `There is no demo called "${id}".`);
    return demo;
  }

  /** The base image in use, once a run resolved it. */
  image(): BaseImage | null {
    return this.baseImage.current;
  }

  /** Starts a run (or queues it when `maxConcurrent` runs are going); returns at once. */
  start(demoId: string, options: { stepThrough?: boolean } = {}): RunRecord {
    return this.startDemo(this.demo(demoId), options);
  }

  /** Starts a run of a demo that is not in the catalogue (one written in a note, already checked). */
  startDemo(
    demo: Demo,
    options: {
      stepThrough?: boolean;
      /** Wraps the Docker client of this run (demos written in notes get a guarded one). */
      wrapDocker?: (docker: Dockerode, workRoot: string) => Dockerode;
    } = {},
  ): RunRecord {
    const client = this.options.docker(); // fail fast with a readable "Docker is not running"
    // A run finishes on the engine it started on: after a switch it keeps this engine's client.
    const { engine } = this.options;
    const startedOn = engine?.key();
    const runDocker = engine ? () => (engine.key() === startedOn ? this.options.docker() : client) : this.options.docker;
    const max = this.options.maxConcurrent ?? 2;
    let acquired = this.running < max;
    if (acquired) this.running++;
    const slot = { grant: () => {} };
    const gate = acquired
      ? undefined
      : new Promise<void>((resolve) => {
          slot.grant = () => {
            acquired = true;
            resolve();
          };
          this.slots.push(slot);
        });
    const workRoot = this.options.workRoot ?? path.join(os.tmpdir(), 'berth-demo-runs');
    const { wrapDocker } = options;
    const run = new DemoRun(
      demo,
      {
        docker: wrapDocker ? () => wrapDocker(runDocker(), workRoot) : runDocker,
        baseImage: this.baseImage,
        workRoot,
        composeAvailable: this.options.composeAvailable ?? composeAvailable,
        ...(this.options.cleanup ? { cleanup: this.options.cleanup } : {}),
        ...(options.stepThrough ? { stepThrough: true } : {}),
        ...(startedOn !== undefined ? { engineKey: startedOn } : {}),
      },
      (event) => this.onEvent(event),
      undefined,
      gate,
    );
    this.active.set(run.runId, run);
    void run.done.finally(() => {
      this.active.delete(run.runId);
      if (acquired) this.release();
      else this.slots.splice(this.slots.indexOf(slot), 1);
    });
    return run.record;
  }

  private release(): void {
    const next = this.slots.shift();
    if (next) next.grant();
    else this.running = Math.max(0, this.running - 1);
  }

  private onEvent(event: RunEvent): void {
    if (event.type === 'run-started' || event.type === 'step-finished' || event.type === 'run-finished') {
      const run = this.active.get(event.runId);
      const record = event.type === 'step-finished' ? run?.record : event.record;
      if (record) this.persist(record);
    }
    if (event.type === 'cleanup' && event.cleanup.status === 'pending') this.pendingCleanup = true;
    this.options.onRunEvent?.(event);
  }

  private persist(record: RunRecord): void {
    try {
      this.store.save(record);
    } catch (error) {
      this.options.log.warn('could not save the run history', { runId: record.runId, error: String(error) });
    }
  }

  /** Stops a run at once; its cleanup still runs. Resolves with the final record. */
  async cancel(runId: string): Promise<RunRecord> {
    const run = this.active.get(runId);
    if (!run) {
      const stored = this.store.get(runId);
      if (stored) return stored;
      throw new RpcFailure('not-found', `There is no run "${runId}".`);
    }
    run.cancel();
    return run.done;
  }

  /** Step-through: runs the next step of a run that waits for it. */
  advance(runId: string): RunRecord {
    const run = this.active.get(runId);
    if (!run) throw new RpcFailure('not-found', `Run "${runId}" is not going any more.`);
    if (!run.advance()) throw new RpcFailure('conflict', run.record.stepThrough ? 'This run is busy with a step or already done.' : 'This run is not in step-through mode.');
    return run.record;
  }

  /** Step-through: removes what the run created now; a run busy with a step is cancelled (which cleans up too). */
  async cleanUp(runId: string): Promise<RunRecord> {
    const run = this.active.get(runId);
    if (!run) {
      const stored = this.store.get(runId);
      if (stored) return stored;
      throw new RpcFailure('not-found', `There is no run "${runId}".`);
    }
    if (!run.cleanUp()) run.cancel();
    return run.done;
  }

  /** The demo as a bash script that reproduces it and removes what it created (see cli-script.ts). */
  async script(demoId: string): Promise<{ script: string; fileName: string }> {
    const demo = this.demo(demoId);
    const image = this.baseImage.current?.image ?? (await this.baseImage.resolve(this.options.docker())).image;
    return { script: demoScript(demo, image), fileName: `berth-demo-${demo.id}.sh` };
  }

  /** A run, live or from the history. */
  getRun(runId: string): RunRecord {
    const record = this.active.get(runId)?.record ?? this.store.get(runId);
    if (!record) throw new RpcFailure('not-found', `There is no run "${runId}" in the history.`);
    return record;
  }

  /** Waits for a run to finish. */
  async wait(runId: string): Promise<RunRecord> {
    const run = this.active.get(runId);
    return run ? run.done : this.getRun(runId);
  }

  /** The run history of the engine in use, newest first (live runs included: they are saved as they start). */
  listRuns(options: { demoId?: string; limit?: number } = {}): RunSummary[] {
    const { engine } = this.options;
    if (!engine) return this.store.list(options);
    const key = engine.key();
    // Runs from before engines were told apart belong to the default engine.
    const where = (r: RunRecord) => (r.engine ? r.engine === key : engine.isDefault(key));
    return this.store.list({ ...options, where });
  }

  /**
   * Removes leftovers of runs that died (this app killed, or the daemon gone mid-run) and
   * marks their history records interrupted. Call at start and after Docker reconnects.
   */
  async sweep(): Promise<SweepReport & { message?: string }> {
    this.store.markAbandoned(new Set(this.active.keys()));
    try {
      // The live map, not a copy: a run started while the sweep lists Docker's objects is spared.
      const report = await sweepLeftovers(this.options.docker(), { activeRuns: this.active, ...(this.options.cleanup ? { cleanup: this.options.cleanup } : {}) });
      this.lastSweep = report;
      // Throw-away dummy parents of the macvlan/ipvlan demos carry no labels: remove any left by a
      // killed run, but only while no run of this Berth could be using one. That takes a helper
      // container (host network, NET_ADMIN), so once per start and when a sweep found dead runs,
      // not at every reconnect.
      if (!this.active.size && (!this.linksSwept || report.runs.length)) {
        const links = await sweepDummyLinks(this.options.docker())
          .then((removed) => ((this.linksSwept = true), removed))
          .catch(() => [] as string[]);
        if (links.length) this.options.log.info('removed leftover dummy interfaces', { links });
      }
      // Host folders of swept runs (bind mounts, build contexts) go too.
      const workRoot = this.options.workRoot ?? path.join(os.tmpdir(), 'berth-demo-runs');
      await Promise.all(report.runs.map((run) => fs.promises.rm(path.join(workRoot, run), { recursive: true, force: true }).catch(() => undefined)));
      this.pendingCleanup = report.daemonGone;
      const message = describeSweep(report);
      if (message) {
        this.options.log.info('swept demo leftovers', { runs: report.runs, removed: report.removed });
        this.options.onNotice?.(message);
      }
      return { ...report, ...(message ? { message } : {}) };
    } catch (error) {
      if (isDaemonGone(error) || error instanceof RpcFailure) this.pendingCleanup = true;
      throw error;
    }
  }

  /** The last sweep's report, if any. */
  get lastSweepReport(): SweepReport | null {
    return this.lastSweep;
  }

  /** True when a cleanup could not reach Docker and waits for it to come back. */
  get cleanupPending(): boolean {
    return this.pendingCleanup;
  }

  /** Cancels every run and waits for their cleanups. */
  async dispose(): Promise<void> {
    const runs = [...this.active.values()];
    for (const run of runs) run.cancel();
    await Promise.allSettled(runs.map((r) => r.done));
  }
}
