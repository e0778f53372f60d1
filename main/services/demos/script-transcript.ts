import { countCachedSteps } from './build-log';
import type { DemoAction, DemoStep } from './demo-schema';
import { checkExpectation, type ExpectationResult, type StepResult } from './expectations';
import type { RunContext } from './run-context';

/** One step as a demo script printed it between its markers. */
export interface ScriptStepTranscript {
  /** 1-based, as the markers number steps. */
  number: number;
  output: string;
  exitCode?: number;
  durationMs?: number;
  state?: string;
  containerExitCode?: number;
  hostFiles: Record<string, boolean>;
}

/** Splits a demo script's output (stdout and stderr together) into its steps. */
export function parseScriptTranscript(text: string): Map<number, ScriptStepTranscript> {
  const steps = new Map<number, ScriptStepTranscript>();
  let current: ScriptStepTranscript | undefined;
  let open = false;
  for (const line of text.split('\n')) {
    const begin = /^==> \[(\d+)\] /.exec(line);
    if (begin) {
      current = { number: Number(begin[1]), output: '', hostFiles: {} };
      steps.set(current.number, current);
      open = true;
      continue;
    }
    const report = /^<== \[(\d+)\] (.*)$/.exec(line);
    if (report && current && Number(report[1]) === current.number) {
      const body = report[2] ?? '';
      let m: RegExpExecArray | null;
      if ((m = /^exit (-?\d+) in (\d+) ms$/.exec(body))) {
        current.exitCode = Number(m[1]);
        current.durationMs = Number(m[2]);
        open = false;
      } else if ((m = /^state (\S*)$/.exec(body))) current.state = m[1];
      else if ((m = /^container exit code (-?\d+)$/.exec(body)))
        current.containerExitCode = Number(m[1]);
      else if ((m = /^host file (.+) (exists|missing)$/.exec(body)))
        current.hostFiles[m[1] ?? ''] = m[2] === 'exists';
      continue;
    }
    if (line.startsWith('==> cleanup')) open = false;
    if (open && current) current.output += `${line}\n`;
  }
  return steps;
}

const UNITS: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** "2.51MB" (as the docker CLI prints sizes) in bytes. */
export function parseCliSize(text: string): number | undefined {
  const m = /^([\d.]+)\s*(B|kB|KB|MB|GB)$/.exec(text.trim());
  return m ? Math.round(Number(m[1]) * (UNITS[m[2] ?? 'B'] ?? 1)) : undefined;
}

/** A byte count rounded the way the docker CLI prints sizes (4 significant digits). */
export function cliPrecision(bytes: number): number {
  return Number(bytes.toPrecision(4));
}

const lines = (text: string) =>
  text.split('\n').filter((l) => l.trim() && !l.startsWith('DEPRECATED') && !/^\s{2,}\S/.test(l));

/** The value and count an action's CLI output stands for, the way the engine reports them. */
function valueOf(
  action: DemoAction,
  output: string,
  ctx: RunContext,
): Pick<StepResult, 'value' | 'count'> {
  const trimmed = output.trim();
  switch (action.kind) {
    case 'build': {
      const size = /^Sending build context to Docker daemon\s+(\S+)/m.exec(output)?.[1];
      const bytes = size ? parseCliSize(size) : undefined;
      return {
        count: countCachedSteps(output),
        ...(bytes !== undefined ? { value: String(bytes) } : {}),
      };
    }
    case 'volume-list': {
      const names = lines(output)
        .filter((l) => !l.startsWith('DRIVER'))
        .map((l) => l.trim().split(/\s+/).pop() ?? '');
      return { count: names.length, value: names.sort().join(' ') };
    }
    case 'image-inspect': {
      const show = 'show' in action ? action.show : undefined;
      if (show === 'size') return { value: /size=(\d+)/.exec(output)?.[1] ?? '' };
      if (show === 'base-layer') return { value: /base-layer=(\S+)/.exec(output)?.[1] ?? '' };
      return { value: trimmed.split(/\s+/)[0] ?? '' };
    }
    case 'image-history':
      return { count: Math.max(0, lines(output).length - 1) };
    case 'volume-prune': {
      const section = output.split(/^Deleted Volumes:$/m)[1] ?? '';
      const names = lines(section.split(/^Total reclaimed space/m)[0] ?? '');
      return { count: names.length, value: names.join(' ') };
    }
    case 'inspect-container':
      return { value: /^State: ([a-z]+)/m.exec(output)?.[1] ?? '' };
    case 'port': {
      const port = /:(\d+)\s*$/m.exec(output.split('\n')[0] ?? '')?.[1];
      return port ? { value: port } : {};
    }
    case 'image-remove':
      return { count: lines(output).filter((l) => l.startsWith('Deleted:')).length };
    case 'table':
      return { count: action.rows.length };
    case 'logs':
      return { count: lines(output).length, value: trimmed };
    case 'diff':
      return { count: lines(output).length, value: trimmed };
    case 'container-volumes': {
      const names = new Set([...output.matchAll(/(\S+) -> \//g)].map((m) => m[1] ?? ''));
      return { count: names.size, value: [...names].join(' ') };
    }
    case 'watch-restarts': {
      const count = /RestartCount (\d+)/.exec(output)?.[1];
      return count !== undefined ? { count: Number(count), value: count } : {};
    }
    case 'volume-inspect':
      return { value: /"Mountpoint":\s*"([^"]*)"/.exec(output)?.[1] ?? '' };
    case 'system-df': {
      // Image rows: REPOSITORY TAG IMAGE-ID CREATED... SIZE SHARED-SIZE UNIQUE-SIZE CONTAINERS.
      const rows = lines(output.split(/^Containers space usage:/m)[0] ?? '').map((l) =>
        l.trim().split(/\s+/),
      );
      const mine = rows.filter((r) => (r[0] ?? '').startsWith(`berth-demo-${ctx.runId}-`));
      const target = mine.find((r) => `${r[0]}:${r[1]}` === ctx.imageName(action.image));
      const shared = target ? parseCliSize(target[target.length - 3] ?? '') : undefined;
      return {
        count: new Set(mine.map((r) => r[2])).size,
        ...(shared !== undefined ? { value: String(shared) } : {}),
      };
    }
    case 'engine-info':
      return { value: /Kernel Version: (\S+)/.exec(output)?.[1] ?? '' };
    default:
      return { value: trimmed };
  }
}

/** The step result the engine would have reported, rebuilt from the script's transcript. */
export function scriptStepResult(
  step: DemoStep,
  transcript: ScriptStepTranscript,
  ctx: RunContext,
): StepResult {
  const exitCode = step.action.kind === 'stop' ? transcript.containerExitCode : transcript.exitCode;
  const base = valueOf(step.action, transcript.output, ctx);
  const value = step.action.kind === 'stop' ? String(transcript.durationMs ?? 0) : base.value;
  return {
    output: transcript.output,
    durationMs: transcript.durationMs ?? 0,
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(base.count !== undefined ? { count: base.count } : {}),
  };
}

/**
 * Checks a step's expectations against what its script printed: the same checks as the
 * engine run, with the container state and host files from the script's own reports and
 * Docker events from `eventSeen`.
 */
export async function checkScriptStep(
  step: DemoStep,
  transcript: ScriptStepTranscript,
  ctx: RunContext,
  eventSeen: (type: string, action: string) => boolean,
): Promise<ExpectationResult[]> {
  const result = scriptStepResult(step, transcript, ctx);
  const results: ExpectationResult[] = [];
  for (const expectation of step.expect) {
    if ('hostFileExists' in expectation) {
      const rel = ctx.expand(expectation.hostFileExists);
      const exists = transcript.hostFiles[rel] === true;
      results.push({
        label: 'file on the host',
        passed: exists,
        expected: `${rel} exists on the host`,
        actual: exists ? 'it exists' : 'no such file',
      });
      continue;
    }
    if ('equalsVar' in expectation && step.action.kind === 'system-df') {
      // `docker system df` prints sizes to 4 significant digits: compare at that precision.
      const other = ctx.vars.get(expectation.equalsVar);
      const same =
        other !== undefined &&
        result.value !== undefined &&
        cliPrecision(Number(other)) === cliPrecision(Number(result.value));
      results.push({
        label: 'same as before',
        passed: same,
        expected: `${expectation.equalsVar} = ${other ?? '(not captured)'} (to 4 digits)`,
        actual: result.value ?? '(no value)',
      });
      continue;
    }
    results.push(
      await checkExpectation(expectation, result, {
        expand: (text) => ctx.expand(text),
        vars: ctx.vars,
        workDir: ctx.workDir,
        containerState: () => Promise.resolve(transcript.state),
        eventSeen: (type, action) => Promise.resolve(eventSeen(type, action)),
      }),
    );
  }
  if (step.capture && result.value !== undefined) ctx.vars.set(step.capture, result.value);
  return results;
}
