import type Dockerode from 'dockerode';
import { identifyEngine, type EngineIdentity } from '../services/docker/identify-engine';
import type { RunRecord } from '../services/demos/run-types';

/** The engine a catalogue run talked to. */
export interface MatrixEngine extends EngineIdentity {
  version: string;
  apiVersion: string;
  /** The endpoint URL (unix://…, tcp://…, ssh://…). */
  endpoint: string;
}

/** One demo's outcome on one engine. */
export interface MatrixRow {
  id: string;
  status: RunRecord['status'];
  /** Why it failed or was skipped (null when it passed). */
  reason: string | null;
  ms: number;
}

/** `npm run demo -- --all --json`: the engine and a row per demo, with the counts. */
export interface DemoMatrix {
  engine: MatrixEngine;
  demos: MatrixRow[];
  summary: { passed: number; failed: number; skipped: number; other: number; total: number };
  startedAt: string;
  durationMs: number;
}

/** Which engine answers, with its version, from `/version` and `/info`. */
export async function matrixEngine(docker: Dockerode, endpoint: string): Promise<MatrixEngine> {
  const [version, info] = await Promise.all([docker.version(), docker.info() as Promise<{ OperatingSystem?: string }>]);
  const identity = identifyEngine(version as Parameters<typeof identifyEngine>[0], info);
  const product = (version as { Components?: { Name?: string; Version?: string }[] }).Components?.find((c) => /podman|engine/i.test(c.Name ?? ''));
  return { ...identity, version: product?.Version ?? version.Version, apiVersion: version.ApiVersion, endpoint };
}

/** Why a run did not pass, in one line: the run's reason or its first failed step's error. */
function reasonOf(record: RunRecord): string | null {
  if (record.status === 'passed') return null;
  if (record.reason) return record.reason;
  const failed = record.steps.find((s) => s.status === 'failed');
  return failed?.error ? `Step ${failed.index + 1} (${failed.title}): ${failed.error}` : null;
}

/** The matrix of a catalogue run. */
export function demoMatrix(engine: MatrixEngine, records: RunRecord[], startedAt: number): DemoMatrix {
  const demos = records.map((r) => ({ id: r.demoId, status: r.status, reason: reasonOf(r), ms: Math.round(r.durationMs ?? 0) }));
  const count = (status: string) => demos.filter((d) => d.status === status).length;
  const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), other: 0, total: demos.length };
  summary.other = summary.total - summary.passed - summary.failed - summary.skipped;
  return { engine, demos, summary, startedAt: new Date(startedAt).toISOString(), durationMs: Date.now() - startedAt };
}
