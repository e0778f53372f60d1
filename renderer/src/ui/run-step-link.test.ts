import { describe, expect, it } from 'vitest';
import {
  onRevealStepInRunView,
  onRevealStepInTimeline,
  revealStepInRunView,
  revealStepInTimeline,
  type RunStepRef,
} from './run-step-link';

describe('run step link', () => {
  it('asks every run view and says whether one showed the step', () => {
    const seen: RunStepRef[] = [];
    const stopA = onRevealStepInRunView((step) => (seen.push(step), step.runId === 'runa1b2'));
    const stopB = onRevealStepInRunView(() => false);
    expect(revealStepInRunView({ runId: 'runa1b2', index: 2 })).toBe(true);
    expect(revealStepInRunView({ runId: 'other99', index: 0 })).toBe(false);
    expect(seen).toHaveLength(2);
    stopA();
    stopB();
    expect(revealStepInRunView({ runId: 'runa1b2', index: 2 })).toBe(false);
  });

  it('keeps a request for the timeline until a timeline is mounted, and delivers it once', () => {
    revealStepInTimeline({ runId: 'runa1b2', index: 1 });
    const first: RunStepRef[] = [];
    const stop = onRevealStepInTimeline((step) => (first.push(step), true));
    expect(first).toEqual([{ runId: 'runa1b2', index: 1 }]);
    stop();
    const second: RunStepRef[] = [];
    const stopAgain = onRevealStepInTimeline((step) => (second.push(step), true));
    expect(second).toEqual([]);
    revealStepInTimeline({ runId: 'runa1b2', index: 3 });
    expect(second).toEqual([{ runId: 'runa1b2', index: 3 }]);
    stopAgain();
  });
});
