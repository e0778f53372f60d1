import readline from 'node:readline';
import type { Demo } from '../services/demos/demo-schema';
import type { DemoRun } from '../services/demos/demo-runner';
import type { RunEvent } from '../services/demos/run-types';

/** The line `--step` prints while a run waits, or '' for other events. */
export function stepPrompt(event: RunEvent, demo: Demo, color: boolean): string {
  if (event.type !== 'waiting') return '';
  const text =
    event.waitingFor === 'step'
      ? `⏸  Press Enter to run step ${(event.index ?? 0) + 1}/${demo.steps.length}: ${demo.steps[event.index ?? 0]?.title ?? ''}  (Ctrl+C cancels and cleans up)`
      : '⏸  Look around (docker ps -a, docker volume ls): everything is still there. Press Enter to clean up.';
  return `\n${color ? `\u001b[33m${text}\u001b[0m` : text}\n`;
}

/**
 * `npm run demo -- ID --step`: each Enter runs the next step (and, after the last, the
 * cleanup); presses that come early wait for their turn, and once the input ends a waiting
 * run is cancelled, which cleans up too. Call `onEvent` with every run event.
 */
export function followEnterKey(
  run: () => DemoRun | undefined,
  input: NodeJS.ReadableStream = process.stdin,
): { onEvent(event: RunEvent): void; dispose(): void } {
  let presses = 0;
  let closed = false;
  const act = () => {
    const current = run();
    if (!current?.record.waitingFor) return;
    if (presses > 0) {
      presses--;
      if (current.record.waitingFor === 'step') current.advance();
      else current.cleanUp();
    } else if (closed) current.cancel();
  };
  const rl = readline.createInterface({ input, terminal: false });
  rl.on('line', () => {
    presses++;
    act();
  });
  rl.on('close', () => {
    closed = true;
    act();
  });
  return {
    onEvent: (event) => {
      if (event.type === 'waiting') queueMicrotask(act);
    },
    dispose: () => rl.close(),
  };
}
