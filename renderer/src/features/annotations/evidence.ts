import type { AnnotationEvidence, DemoRunRecord } from '@contract';

const MAX_LINES = 40;
const MAX_EVENTS = 60;

function lastLines(text: string, count: number): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .slice(-count);
}

/**
 * The part of a demo run worth keeping on an annotation: each step's command, the last lines it
 * printed and its checks, and the Docker events it caused.
 */
export function evidenceFromRun(run: DemoRunRecord): AnnotationEvidence {
  const lines: string[] = [];
  for (const step of run.steps) {
    lines.push(`$ ${step.cli}`);
    const stdout = step.output.map((o) => o.text).join('');
    lines.push(...lastLines(stdout, 2));
    for (const check of step.expectations) lines.push(`${check.passed ? '✓' : '✗'} ${check.label}: ${check.actual}`);
  }
  return {
    runId: run.runId,
    demoId: run.demoId,
    title: run.title.slice(0, 300),
    result: run.status,
    lines: lines.slice(0, MAX_LINES).map((l) => l.slice(0, 1000)),
    events: run.events.slice(0, MAX_EVENTS).map((e) => `${e.type} ${e.action} ${e.name}`.slice(0, 500)),
    ranAt: run.startedAt,
  };
}
