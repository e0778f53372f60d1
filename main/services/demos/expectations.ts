import fs from 'node:fs';
import path from 'node:path';
import type { DemoExpectation } from './demo-schema';

/** What a step produced, for its expectations to look at. */
export interface StepResult {
  exitCode?: number;
  /** stdout and stderr interleaved, as the terminal shows them. */
  output: string;
  durationMs: number;
  /** The step's main value (image id, context size, list of names...), captured on request. */
  value?: string;
  count?: number;
  table?: { columns: string[]; rows: string[][] };
}

/** The verdict on one expectation: what was expected, what really happened. */
export interface ExpectationResult {
  label: string;
  passed: boolean;
  expected: string;
  actual: string;
}

/** What expectations may consult besides the step result. */
export interface ExpectationEnv {
  expand(text: string): string;
  vars: ReadonlyMap<string, string>;
  workDir: string;
  /** State of the step's container once it reaches `expected` (or after a short wait); undefined when the step has none. */
  containerState(expected: string): Promise<string | undefined>;
  /** Resolves true once an event of this type/action caused by the run was seen (waits briefly). */
  eventSeen(type: string, action: string): Promise<boolean>;
}

function clip(text: string, max = 300): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t || '(no output)';
}

/** Checks one expectation against a step result. */
export async function checkExpectation(expectation: DemoExpectation, result: StepResult, env: ExpectationEnv): Promise<ExpectationResult> {
  if ('exitCode' in expectation) {
    const actual = result.exitCode;
    return { label: 'exit code', passed: actual === expectation.exitCode, expected: String(expectation.exitCode), actual: actual === undefined ? 'no exit code' : String(actual) };
  }
  if ('exitCodeNot' in expectation) {
    const actual = result.exitCode;
    return { label: 'exit code', passed: actual !== undefined && actual !== expectation.exitCodeNot, expected: `not ${expectation.exitCodeNot}`, actual: actual === undefined ? 'no exit code' : String(actual) };
  }
  if ('outputContains' in expectation) {
    const wanted = env.expand(expectation.outputContains);
    return { label: 'output contains', passed: result.output.includes(wanted), expected: `output containing "${wanted}"`, actual: clip(result.output) };
  }
  if ('outputLacks' in expectation) {
    const unwanted = env.expand(expectation.outputLacks);
    return { label: 'output lacks', passed: !result.output.includes(unwanted), expected: `output without "${unwanted}"`, actual: clip(result.output) };
  }
  if ('count' in expectation) {
    return { label: 'count', passed: result.count === expectation.count, expected: String(expectation.count), actual: result.count === undefined ? 'nothing counted' : String(result.count) };
  }
  if ('hostFileExists' in expectation) {
    const rel = env.expand(expectation.hostFileExists);
    const file = path.resolve(env.workDir, rel);
    const exists = file.startsWith(path.resolve(env.workDir)) && fs.existsSync(file);
    return { label: 'file on the host', passed: exists, expected: `${rel} exists on the host`, actual: exists ? 'it exists' : 'no such file' };
  }
  if ('eventSeen' in expectation) {
    const { type, action } = expectation.eventSeen;
    const seen = await env.eventSeen(type, action);
    return { label: 'event', passed: seen, expected: `a "${type} ${action}" event`, actual: seen ? 'seen' : 'not seen' };
  }
  if ('durationUnderMs' in expectation) {
    return { label: 'duration', passed: result.durationMs < expectation.durationUnderMs, expected: `under ${expectation.durationUnderMs} ms`, actual: `${Math.round(result.durationMs)} ms` };
  }
  if ('durationOverMs' in expectation) {
    return { label: 'duration', passed: result.durationMs > expectation.durationOverMs, expected: `over ${expectation.durationOverMs} ms`, actual: `${Math.round(result.durationMs)} ms` };
  }
  if ('state' in expectation) {
    const state = (await env.containerState(expectation.state)) ?? 'no container';
    return { label: 'container state', passed: state === expectation.state, expected: expectation.state, actual: state };
  }
  const compareTo = (name: string) => env.vars.get(name);
  if ('equalsVar' in expectation) {
    const other = compareTo(expectation.equalsVar);
    return { label: 'same as before', passed: other !== undefined && result.value === other, expected: `${expectation.equalsVar} = ${other ?? '(not captured)'}`, actual: result.value ?? '(no value)' };
  }
  if ('differsFromVar' in expectation) {
    const other = compareTo(expectation.differsFromVar);
    return { label: 'changed', passed: other !== undefined && result.value !== undefined && result.value !== other, expected: `different from ${expectation.differsFromVar} = ${other ?? '(not captured)'}`, actual: result.value ?? '(no value)' };
  }
  const other = compareTo(expectation.lessThanVar);
  const mine = Number(result.value);
  const theirs = Number(other);
  return {
    label: 'smaller',
    passed: other !== undefined && Number.isFinite(mine) && Number.isFinite(theirs) && mine < theirs,
    expected: `less than ${expectation.lessThanVar} = ${other ?? '(not captured)'}`,
    actual: result.value ?? '(no value)',
  };
}
