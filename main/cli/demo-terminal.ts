import type { Demo } from '../services/demos/demo-schema';
import type { RunEvent } from '../services/demos/run-types';

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Formats one run event as terminal lines (empty string when there is nothing to print). */
export function renderRunEvent(event: RunEvent, demo: Demo, color: boolean): string {
  const dim = (t: string) => paint(color, '2', t);
  const bold = (t: string) => paint(color, '1', t);
  const green = (t: string) => paint(color, '32', t);
  const red = (t: string) => paint(color, '31', t);
  const yellow = (t: string) => paint(color, '33', t);
  switch (event.type) {
    case 'run-started':
      return `${bold(demo.title)} ${dim(`(${demo.id}, run ${event.runId})`)}\n${dim(`Proves: ${demo.note}${demo.heading ? ` › ${demo.heading}` : ''}`)}\n`;
    case 'image':
      return event.fraction === 1 ? `${dim(`image: ${event.message}`)}\n` : '';
    case 'step-started': {
      const step = demo.steps[event.index];
      return `\n${bold(`${event.index + 1}. ${step?.title ?? ''}`)}\n${paint(color, '36', `$ ${event.cli}`)}\n`;
    }
    case 'output':
      return event.text
        .split('\n')
        .filter((line, i, all) => line || i < all.length - 1)
        .map((line) => (event.stream === 'stderr' ? red(`  │ ${line}`) : dim(`  │ `) + line))
        .join('\n')
        .concat('\n');
    case 'step-finished': {
      const { step } = event;
      const lines = step.expectations.map((e) => `  ${e.passed ? green('✓') : red('✗')} ${e.label}: expected ${e.expected}${e.passed ? '' : `, got ${e.actual}`}`);
      if (step.table) {
        const widths = step.table.columns.map((c, i) => Math.max(c.length, ...step.table!.rows.map((r) => (r[i] ?? '').length)));
        const row = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ')}`;
        lines.push(bold(row(step.table.columns)), ...step.table.rows.map(row));
      }
      if (step.status === 'failed' && step.error && !step.expectations.some((e) => !e.passed)) lines.push(red(`  ✗ ${step.error}`));
      if (step.status === 'cancelled') lines.push(yellow('  ■ cancelled'));
      lines.push(dim(`  ${step.status} in ${Math.round(step.durationMs ?? 0)} ms`));
      return `${lines.join('\n')}\n`;
    }
    case 'cleanup':
      return `\n${dim(`cleanup: ${event.cleanup.message}`)}\n`;
    case 'run-finished': {
      const r = event.record;
      const label = r.status === 'passed' ? green('PASSED') : r.status === 'skipped' ? yellow('SKIPPED') : red(r.status.toUpperCase());
      return `${label} ${demo.id} in ${((r.durationMs ?? 0) / 1000).toFixed(1)} s${r.reason ? ` — ${r.reason}` : ''}\n\n`;
    }
    default:
      return '';
  }
}
