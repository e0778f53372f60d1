import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { BaseImageResolver } from './base-image';
import { findDemo } from './catalogue';
import { listLabelled } from './cleanup';
import { DemoRun } from './demo-runner';
import type { RunEvent } from './run-types';

const docker = new Dockerode();
const baseImage = new BaseImageResolver();
const demo = findDemo('anonymous-volume-dangling')!;

/** Starts a step-through run and gives a way to wait for its next "waiting" event. */
function stepRun() {
  const events: RunEvent[] = [];
  let wake: (() => void) | undefined;
  const run = new DemoRun(demo, { docker: () => docker, baseImage, stepThrough: true }, (event) => {
    events.push(event);
    wake?.();
  });
  const waiting = async (kind: 'step' | 'cleanup', index?: number) => {
    const seen = () =>
      events.some(
        (e) =>
          e.type === 'waiting' &&
          e.waitingFor === kind &&
          (index === undefined || e.index === index),
      );
    while (!seen()) await new Promise<void>((resolve) => (wake = resolve));
  };
  return { run, events, waiting };
}

const danglingOf = async (runId: string, key: string) => {
  const list = await docker.listVolumes({
    filters: JSON.stringify({
      label: [`berth.run=${runId}`, `berth.anonymous=${key}`],
      dangling: ['true'],
    }),
  });
  return (list.Volumes ?? []).map((v) => v.Name);
};

describe('step-through runs against the real dockerd', () => {
  it(
    'runs each step on request, keeps the dangling volume between steps, and cleans up only on Clean up',
    { timeout: 60_000 },
    async () => {
      const { run, events, waiting } = stepRun();
      await waiting('step', 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(run.record.steps[0]?.status).toBe('pending');
      expect(run.record.waitingFor).toBe('step');
      for (const index of [0, 1, 2]) {
        await waiting('step', index);
        expect(run.advance()).toBe(true);
        await waiting('step', index + 1);
      }
      expect(run.record.steps.slice(0, 3).map((s) => s.status)).toEqual([
        'passed',
        'passed',
        'passed',
      ]);
      // The state the demo teaches stays there while the student looks at it.
      expect(await danglingOf(run.runId, 'plain')).toHaveLength(1);
      expect(run.advance()).toBe(true);
      expect(run.advance()).toBe(false); // busy with step 4
      for (const index of [4, 5, 6, 7]) {
        await waiting('step', index);
        run.advance();
      }
      await waiting('cleanup');
      expect(run.record.status).toBe('passed');
      expect(await danglingOf(run.runId, 'plain')).toHaveLength(1);
      expect(run.cleanUp()).toBe(true);
      const record = await run.done;
      expect(record.status).toBe('passed');
      expect(record.cleanup?.status).toBe('done');
      expect(record.waitingFor).toBeUndefined();
      expect(events.filter((e) => e.type === 'waiting')).toHaveLength(9);
      expect(await listLabelled(docker, [`berth.run=${run.runId}`])).toEqual({
        container: [],
        network: [],
        volume: [],
        image: [],
      });
    },
  );

  it(
    'Clean up half-way leaves the remaining steps out and removes what exists',
    { timeout: 60_000 },
    async () => {
      const { run, waiting } = stepRun();
      for (const index of [0, 1]) {
        await waiting('step', index);
        run.advance();
      }
      await waiting('step', 2);
      expect(run.cleanUp()).toBe(true);
      const record = await run.done;
      expect(record.status).toBe('cancelled');
      expect(record.reason).toBe('Stopped after step 2 of 8 and cleaned up.');
      expect(record.steps.map((s) => s.status)).toEqual([
        'passed',
        'passed',
        ...Array(6).fill('cancelled'),
      ]);
      expect(await listLabelled(docker, [`berth.run=${run.runId}`])).toEqual({
        container: [],
        network: [],
        volume: [],
        image: [],
      });
    },
  );

  it('Cancel while waiting still cleans up', { timeout: 60_000 }, async () => {
    const { run, waiting } = stepRun();
    await waiting('step', 0);
    run.advance();
    await waiting('step', 1);
    run.cancel();
    const record = await run.done;
    expect(record.status).toBe('cancelled');
    expect(record.cleanup?.status).toBe('done');
    expect(await listLabelled(docker, [`berth.run=${run.runId}`])).toEqual({
      container: [],
      network: [],
      volume: [],
      image: [],
    });
  });
});
