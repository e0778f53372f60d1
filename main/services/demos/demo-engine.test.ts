import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from './catalogue';
import { demoEngineOf, engineSkipReason, fitRecordToEngine, stepExpectations, stepExplanation } from './demo-engine';
import { demoSchema } from './demo-schema';
import type { RunRecord } from './run-types';

const catalogue = builtInCatalogue();

const demo = demoSchema.parse({
  id: 'engine-probe',
  title: 'Per-engine expectations',
  summary: 'A demo whose second step differs on Podman.',
  topic: 'Storage',
  note: 'Storage/Named Volumes.md',
  steps: [
    { title: 'Create', action: { kind: 'volume-create', volume: 'data' }, expect: [{ eventSeen: { type: 'volume', action: 'create' } }] },
    {
      title: 'Remove',
      explain: 'The container goes.',
      action: { kind: 'remove', container: 'c' },
      expect: [{ eventSeen: { type: 'container', action: 'destroy' } }],
      onEngine: { podman: { note: 'On Podman, the event is `container remove`.', expect: [{ eventSeen: { type: 'container', action: 'remove' } }] } },
    },
  ],
});

function recordOf(): RunRecord {
  return {
    runId: 'r',
    demoId: demo.id,
    title: demo.title,
    note: demo.note,
    status: 'running',
    startedAt: 0,
    steps: demo.steps.map((s, index) => ({ index, title: s.title, ...(s.explain ? { explain: s.explain } : {}), cli: '', status: 'pending', output: [], expectations: [] })),
    events: [],
    resources: { container: [], network: [], volume: [], image: [] },
    pid: 1,
  };
}

const noDocker = () => {
  throw new Error('no Docker needed');
};

describe('demos on another engine', () => {
  it('tells Podman apart and treats every other engine as Docker', () => {
    expect(demoEngineOf({ product: 'podman' })).toBe('podman');
    expect(demoEngineOf({ product: 'docker-desktop' })).toBeUndefined();
    expect(demoEngineOf(undefined)).toBeUndefined();
  });

  it('uses the engine’s own expectations and adds its difference to the lesson', async () => {
    const step = demo.steps[1]!;
    expect(stepExpectations(step, undefined)).toEqual([{ eventSeen: { type: 'container', action: 'destroy' } }]);
    expect(stepExpectations(step, 'podman')).toEqual([{ eventSeen: { type: 'container', action: 'remove' } }]);
    expect(stepExplanation(step, 'podman')).toBe('The container goes. On Podman, the event is `container remove`.');
    const record = recordOf();
    expect(await fitRecordToEngine(demo, record, 'podman', noDocker)).toBe(false);
    expect(record.steps[1]!.explain).toContain('On Podman');
    const onDocker = recordOf();
    await fitRecordToEngine(demo, onDocker, undefined, noDocker);
    expect(onDocker.steps[1]!.explain).toBe('The container goes.');
  });

  it('skips a demo with the engine limit it states, on that engine only', async () => {
    const skipped = demoSchema.parse({ ...demo, onEngine: { podman: { skip: 'On Podman, there is no docker0.' } } });
    expect(await engineSkipReason(skipped, undefined, noDocker)).toBeUndefined();
    const record = recordOf();
    expect(await fitRecordToEngine(skipped, record, 'podman', noDocker)).toBe(true);
    expect(record).toMatchObject({ status: 'skipped', reason: 'On Podman, there is no docker0.' });
    expect(record.steps.every((s) => s.status === 'skipped')).toBe(true);
  });

  it('refuses an engine note that does not say which engine it is about', () => {
    const bad = { ...demo, steps: [{ ...demo.steps[1]!, onEngine: { podman: { note: 'Podman differs.', expect: [] } } }] };
    expect(demoSchema.safeParse(bad).success).toBe(false);
  });

  it('states every catalogue difference as “On Podman, …” and never on Docker’s own checks', () => {
    for (const d of catalogue) {
      const skip = d.onEngine?.podman?.skip;
      if (skip) expect(skip).toMatch(/^On Podman, /);
      for (const step of d.steps) {
        const podman = step.onEngine?.podman;
        if (!podman) continue;
        expect(podman.note).toMatch(/^On Podman, /);
        // Docker's expectations stay as they were: the engine's are a separate list.
        expect(step.expect.length).toBeGreaterThan(0);
      }
    }
  });
});
