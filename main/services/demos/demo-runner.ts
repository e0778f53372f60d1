import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { abortable, CancelledError, withStepTimeout, type ActionEnv, type ActionOutcome } from './action-env';
import type { BaseImageResolver } from './base-image';
import { cleanupAfterRun, describeCleanup } from './cleanup';
import { cliEquivalent } from './cli-equivalent';
import { settledState } from './container-actions';
import type { Demo } from './demo-schema';
import { describeDockerError, isDaemonGone } from './docker-errors';
import type { EngineIdentity } from '../docker/identify-engine';
import { demoEngineOf, engineBehind, fitRecordToEngine, stepExpectations } from './demo-engine';
import type { DemoEngine } from './demo-schema';
import { failRecord, settleStatus } from './run-status';
import { StepGate, type StepWait } from './step-gate';
import { checkExpectation, type StepResult } from './expectations';
import { newRunId, RunContext } from './run-context';
import { RunEventFollower } from './run-event-follower';
import { RunLookahead } from './run-ahead';
import { EngineStage, engineFolderFor, explainStagedSteps } from './engine-stage';
import { dockerOrNull, markSkipped, missingToolReason } from './run-preconditions';
import type { RunEvent, RunRecord } from './run-types';
import { containerKeyOf, executeAction } from './step-executor';

/** What a run needs from its surroundings. */
export interface DemoRunnerOptions {
  /** A Docker client without a request timeout (runs wait for containers). Throws when Docker is away. */
  docker: () => Dockerode;
  baseImage: BaseImageResolver;
  /** Parent folder of the runs' host work folders (bind mounts, build contexts). */
  workRoot?: string;
  /** Checks whether `docker compose` exists; injectable for tests. */
  composeAvailable?: () => Promise<{ available: boolean; reason: string }>;
  cleanup?: { attempts?: number; retryDelayMs?: number };
  /** Longest a single step may take. */
  stepTimeoutMs?: number;
  /** Step-through mode: wait for `advance()` before each step and for `cleanUp()` before the cleanup. */
  stepThrough?: boolean;
  /** The engine the run talks to (from the connection status); asked through `/version` when absent. */
  engine?: EngineIdentity;
  /** Key of the engine in use (its endpoint URL), kept in the record so the history is per engine. */
  engineKey?: string;
}

const OUTPUT_LIMIT = 64 * 1024;

/** One demo run: follow it through events, await `done`, or cancel it. */
export class DemoRun {
  readonly record: RunRecord;
  readonly done: Promise<RunRecord>;
  private readonly controller = new AbortController();
  private readonly ctx: RunContext;
  private readonly containerIds = new Set<string>();
  /** The next step's container, created while the current one runs (not in step-through mode). */
  private readonly lookahead = new RunLookahead();
  private stage: EngineStage | undefined; // remote engines: the run folder's copy there
  private daemonGone = false;
  private readonly stepGate: StepGate | null;
  private cancelReason: string | undefined;
  /** The engine whose own expectations apply (undefined: Docker Engine's). */
  private engine: DemoEngine | undefined;

  constructor(
    private readonly demo: Demo,
    private readonly options: DemoRunnerOptions,
    private readonly emit: (event: RunEvent) => void,
    runId = newRunId(),
    /** Resolves when the run may start (a queue slot); the run shows as queued until then. */
    private readonly gate?: Promise<void>,
  ) {
    this.stepGate = options.stepThrough ? new StepGate() : null;
    const workDir = path.join(options.workRoot ?? path.join(os.tmpdir(), 'berth-demo-runs'), runId);
    this.ctx = new RunContext(runId, demo.id, workDir, options.baseImage.current?.image ?? 'busybox:1.36.1', os.hostname(), demo.network);
    this.ctx.engineFolder = engineFolderFor(demo, options.docker, runId);
    this.record = {
      runId,
      demoId: demo.id,
      title: demo.title,
      note: demo.note,
      status: gate ? 'queued' : 'running',
      ...(options.engineKey !== undefined ? { engine: options.engineKey } : {}),
      startedAt: Date.now(),
      steps: demo.steps.map((step, index) => ({
        index,
        title: step.title,
        ...(step.explain ? { explain: step.explain } : {}),
        cli: cliEquivalent(step.action, this.ctx),
        status: 'pending',
        output: [],
        expectations: [],
      })),
      events: [],
      resources: this.ctx.resources(),
      pid: process.pid,
      ...(options.stepThrough ? { stepThrough: true } : {}),
    };
    this.done = this.execute();
  }

  get runId(): string {
    return this.record.runId;
  }

  /** Stops the run at once; cleanup still runs. */
  cancel(): void {
    this.controller.abort();
  }

  /** Step-through: runs the next step; false when the run is not waiting for one. */
  advance(): boolean {
    return this.stepGate?.release('step') ?? false;
  }

  /** Step-through: cleans up now (before a step, the rest is left out); false when not waiting. */
  cleanUp(): boolean {
    if (this.stepGate?.release('cleanup')) return true;
    if (this.stepGate?.waitingFor !== 'step') return false;
    const done = this.record.steps.filter((s) => s.status !== 'pending').length;
    this.cancelReason = `Stopped after step ${done} of ${this.record.steps.length} and cleaned up.`;
    this.controller.abort();
    return true;
  }

  /** Step-through: announces what the run waits for and parks it until the click (or a cancel). */
  private async pause(kind: StepWait, index?: number): Promise<void> {
    if (!this.stepGate || this.controller.signal.aborted) return;
    this.record.waitingFor = kind;
    this.record.nextStep = index;
    // The command as it will run (names, labels, the resolved base image), shown before it does.
    const step = index === undefined ? undefined : this.record.steps[index];
    if (step && this.demo.steps[step.index]) step.cli = cliEquivalent(this.demo.steps[step.index]!.action, this.ctx);
    const { status, reason } = this.record;
    this.emit({ type: 'waiting', runId: this.runId, waitingFor: kind, status, ...(reason ? { reason } : {}), ...(step ? { index: step.index, cli: step.cli } : {}) });
    await this.stepGate.wait(kind, this.controller.signal);
    for (const key of ['waitingFor', 'nextStep'] as const) delete this.record[key];
  }

  private async execute(): Promise<RunRecord> {
    const { record } = this;
    this.emit({ type: 'run-started', runId: record.runId, demoId: record.demoId, record });
    if (this.gate) {
      await Promise.race([this.gate, new Promise((resolve) => this.controller.signal.addEventListener('abort', resolve, { once: true }))]);
      if (this.controller.signal.aborted) {
        this.daemonGone = failRecord(record, new CancelledError(), this.daemonGone, this.cancelReason);
        return this.finish();
      }
      record.status = 'running';
      record.startedAt = Date.now();
      this.emit({ type: 'run-started', runId: record.runId, demoId: record.demoId, record });
    }
    const follower = new RunEventFollower(record.runId, this.containerIds, (event) => {
      this.emit({ type: 'docker-event', runId: record.runId, event });
    });
    try {
      this.engine = demoEngineOf(this.options.engine ?? (await engineBehind(this.options.docker())));
      if ((await fitRecordToEngine(this.demo, record, this.engine, this.options.docker)) || (await this.skippedForMissingTools())) return this.finish();
      if (this.ctx.engineFolder) explainStagedSteps(this.demo, record.steps);
      const docker = this.options.docker();
      // The base image, the run folder and the event stream are independent: get them at once.
      const [base] = await abortable(
        Promise.all([
          this.options.baseImage.resolve(docker, (p) =>
            this.emit({ type: 'image', runId: record.runId, message: p.message, ...(p.fraction !== undefined ? { fraction: p.fraction } : {}) }),
          ),
          fs.promises.mkdir(this.ctx.workDir, { recursive: true }),
          follower.start(docker, record.startedAt - 1000),
        ]),
        this.controller.signal,
      );
      record.baseImage = { image: base.image, source: base.source, message: base.message };
      (this.ctx as { baseImage: string }).baseImage = base.image;
      if (this.ctx.engineFolder) this.stage = new EngineStage(docker, record.runId, this.ctx.workDir, base.image, this.ctx.labels);
      this.emit({ type: 'image', runId: record.runId, message: base.message, fraction: 1 });
      for (const index of this.demo.steps.keys()) {
        await this.pause('step', index);
        const ok = await this.runStep(index, docker, follower);
        if (!ok) break;
      }
      settleStatus(record, this.daemonGone);
    } catch (error) {
      this.daemonGone = failRecord(record, error, this.daemonGone, this.cancelReason);
    }
    // Step-through: the states stay on screen until the student clicks Clean up.
    if (!this.daemonGone && record.status !== 'cancelled' && record.status !== 'skipped') await this.pause('cleanup');
    await this.removeCreated(follower);
    return this.finish();
  }

  private async skippedForMissingTools(): Promise<boolean> {
    const reason = await missingToolReason(this.demo, this.options.docker, this.options.composeAvailable);
    return reason ? markSkipped(this.record, reason) : false;
  }

  private async runStep(index: number, docker: Dockerode, follower: RunEventFollower): Promise<boolean> {
    const step = this.demo.steps[index];
    const rec = this.record.steps[index];
    if (!step || !rec) return false;
    if (this.controller.signal.aborted) throw new CancelledError();
    rec.cli = cliEquivalent(step.action, this.ctx);
    rec.status = 'running';
    rec.startedAt = Date.now();
    this.emit({ type: 'step-started', runId: this.runId, index, cli: rec.cli });
    let outputBytes = 0;
    const env: ActionEnv = {
      docker,
      ctx: this.ctx,
      signal: this.controller.signal,
      containerIds: this.containerIds,
      exitSeen: (containerId) => follower.exitSeen(containerId),
      ...(this.stage ? { stage: this.stage } : {}),
      onOutput: (stream, text) => {
        if (outputBytes >= OUTPUT_LIMIT) return;
        outputBytes += text.length;
        const last = rec.output[rec.output.length - 1];
        if (last && last.stream === stream) last.text += text;
        else rec.output.push({ stream, text });
        this.emit({ type: 'output', runId: this.runId, index, stream, text });
      },
    };
    if (!this.stepGate) env.onRunning = () => this.lookahead.begin(index + 1, this.demo.steps[index + 1]?.action, { ...env, onOutput: () => {} });
    const resourcesBefore = JSON.stringify(this.ctx.resources());
    const began = performance.now();
    let outcome: ActionOutcome;
    try {
      const action = this.lookahead.take(index).then((prepared) => executeAction(step.action, env, prepared));
      outcome = await abortable(withStepTimeout(action, this.options.stepTimeoutMs ?? 120_000), this.controller.signal);
    } catch (error) {
      rec.durationMs = performance.now() - began;
      this.publishResources(resourcesBefore);
      if (error instanceof CancelledError) {
        rec.status = 'cancelled';
        this.emit({ type: 'step-finished', runId: this.runId, index, step: rec });
        throw error;
      }
      rec.status = 'failed';
      rec.error = `${step.title} failed: ${describeDockerError(error)}`;
      if (isDaemonGone(error)) this.daemonGone = true;
      this.emit({ type: 'step-finished', runId: this.runId, index, step: rec });
      return false;
    }
    const result: StepResult = { ...outcome, durationMs: outcome.durationMs ?? performance.now() - began };
    rec.durationMs = result.durationMs;
    if (!rec.output.length && result.output) rec.output.push({ stream: 'stdout', text: result.output.slice(0, OUTPUT_LIMIT) });
    if (result.table) rec.table = result.table;
    if (step.capture && result.value !== undefined) this.ctx.vars.set(step.capture, result.value);
    this.publishResources(resourcesBefore);
    const containerKey = containerKeyOf(step.action);
    for (const expectation of stepExpectations(step, this.engine)) {
      rec.expectations.push(
        await checkExpectation(expectation, result, {
          expand: (text) => this.ctx.expand(text),
          vars: this.ctx.vars,
          workDir: this.ctx.workDir,
          containerState: async (expected) => (containerKey ? settledState(docker, this.ctx.containerName(containerKey), expected) : undefined),
          eventSeen: (type, action) => follower.seen(type, action),
        }),
      );
    }
    const failed = rec.expectations.filter((e) => !e.passed);
    rec.status = failed.length ? 'failed' : 'passed';
    if (failed.length) {
      rec.error = failed.map((e) => `Expected ${e.expected}, got ${e.actual}`).join('; ');
    }
    this.emit({ type: 'step-finished', runId: this.runId, index, step: rec });
    return !failed.length;
  }

  private publishResources(before: string): void {
    const now = this.ctx.resources();
    if (JSON.stringify(now) === before) return;
    this.record.resources = now;
    this.emit({ type: 'resources', runId: this.runId, resources: now });
  }

  private async removeCreated(follower: RunEventFollower): Promise<void> {
    const { record } = this;
    const unused = await this.lookahead.settle();
    if (unused) this.ctx.record('container', unused);
    const docker = dockerOrNull(this.options.docker);
    const passed = record.status === 'passed';
    const report = docker ? await cleanupAfterRun(docker, this.demo, record.runId, passed, this.ctx.resources(), this.options.cleanup) : null;
    await this.stage?.dispose();
    record.cleanup = describeCleanup(report);
    if (report?.daemonGone) {
      this.daemonGone = true;
      if (record.status === 'failed') record.status = 'interrupted';
    }
    this.emit({ type: 'cleanup', runId: record.runId, cleanup: record.cleanup });
    follower.stop();
    record.events = follower.events;
    await fs.promises.rm(this.ctx.workDir, { recursive: true, force: true }).catch(() => {});
  }

  private finish(): RunRecord {
    const { record } = this;
    record.finishedAt = Date.now();
    record.durationMs = record.finishedAt - record.startedAt;
    this.emit({ type: 'run-finished', runId: record.runId, record });
    return record;
  }
}
