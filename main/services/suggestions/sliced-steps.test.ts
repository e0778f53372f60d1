import { describe, expect, it } from 'vitest';
import { runSteps, runStepsSliced, type Steps } from './sliced-steps';

function* countTo(n: number, spinMs = 0): Steps<number> {
  let total = 0;
  for (let i = 1; i <= n; i++) {
    yield;
    const until = performance.now() + spinMs;
    while (performance.now() < until) {
      // busy: one step of real work
    }
    total += i;
  }
  return total;
}

describe('sliced steps', () => {
  it('runs all steps at once and returns the result', () => {
    expect(runSteps(countTo(100))).toBe(5050);
  });

  it('gives the event loop back between slices and returns the same result', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const result = await runStepsSliced(countTo(40, 2), 5);
    clearInterval(timer);
    expect(result).toBe(820);
    // 80 ms of work in 5 ms slices: timers ran in between.
    expect(ticks).toBeGreaterThan(3);
  });

  it('answers the same as the whole run for a long prose note', async () => {
    const { NoteSuggester } = await import('./suggest-note');
    const catalogue = (await import('../demos/catalogue')).builtInCatalogue();
    const suggester = new NoteSuggester(catalogue);
    const note = Array.from(
      { length: 60 },
      (_, i) =>
        `## Part ${i}\n\nNamed volumes are deleted when the container is removed.\n\nA tmpfs mount keeps data in memory.\n`,
    ).join('\n');
    expect(await suggester.suggestSliced(note)).toEqual(suggester.suggest(note));
  });
});
