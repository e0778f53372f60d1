import { describe, expect, it } from 'vitest';
import { demoFinishedNotice } from './demo-notice';

describe('demoFinishedNotice', () => {
  it('reads a run-finished run event', () => {
    const notice = demoFinishedNotice({ type: 'run-finished', runId: 'r1', record: { runId: 'r1', title: 'Volumes outlive containers', status: 'passed', durationMs: 4210, steps: [] } });
    expect(notice).toEqual({ title: 'Demo passed: Volumes outlive containers', body: 'Every check held in 4.2 s.', tone: 'ok', tag: 'berth-demo-r1' });
  });

  it('reads a run summary with steps and a failure reason', () => {
    const notice = demoFinishedNotice({ runId: 'r2', title: 'Layers are shared', status: 'failed', reason: 'Step 3 expected 2 layers, saw 3.', passedSteps: 2, totalSteps: 4 });
    expect(notice?.title).toBe('Demo failed: Layers are shared');
    expect(notice?.body).toBe('Step 3 expected 2 layers, saw 3. (2/4 steps)');
    expect(notice?.tone).toBe('danger');
  });

  it('ignores runs still going and unrelated events', () => {
    expect(demoFinishedNotice({ type: 'step-started', runId: 'r1', index: 0, cli: 'docker run' })).toBeNull();
    expect(demoFinishedNotice({ runId: 'r1', title: 'x', status: 'running' })).toBeNull();
    expect(demoFinishedNotice({ catalogue: [] })).toBeNull();
    expect(demoFinishedNotice(null)).toBeNull();
    expect(demoFinishedNotice('run-finished')).toBeNull();
  });

  it('says why a run was interrupted', () => {
    const notice = demoFinishedNotice({ record: { demoId: 'bind-mounts', status: 'interrupted', reason: 'Docker stopped during the run.' } });
    expect(notice).toMatchObject({ title: 'Demo interrupted: bind-mounts', body: 'Docker stopped during the run.', tone: 'warn' });
  });
});
