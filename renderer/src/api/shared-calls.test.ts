import { describe, expect, it } from 'vitest';
import type { RpcResponse } from '@contract/errors';
import { createSharedCalls } from './shared-calls';
import { fakeTransport } from './test-support';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setUp() {
  const fake = fakeTransport();
  const shared = createSharedCalls();
  const run = (method: string, params: unknown) => shared.run(method, params, () => fake.transport.call(method, params));
  return { ...fake, shared, run };
}

describe('createSharedCalls', () => {
  it('gives identical calls in flight one transport call and its answer', async () => {
    const { calls, run } = setUp();
    const first = run('demos.list', {});
    const second = run('demos.list', {});
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ ok: true, value: [{ id: 'volumes' }] });
    expect(await first).toEqual({ ok: true, value: [{ id: 'volumes' }] });
    expect(await second).toBe(await first);
  });

  it('does not share between different methods or params', () => {
    const { calls, run } = setUp();
    void run('suggestions.forNote', { path: 'A.md' });
    void run('suggestions.forNote', { path: 'B.md' });
    void run('vault.readNote', { path: 'A.md' });
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['suggestions.forNote', { path: 'A.md' }],
      ['suggestions.forNote', { path: 'B.md' }],
      ['vault.readNote', { path: 'A.md' }],
    ]);
  });

  it('keeps nothing once the call settled: the next identical call asks again', async () => {
    const { calls, run } = setUp();
    const first = run('demos.list', {});
    calls[0]!.answer({ ok: true, value: [] });
    await first;
    await flush();
    void run('demos.list', {});
    expect(calls).toHaveLength(2);
  });

  it('shares an error answer the same way, then forgets it', async () => {
    const { calls, run } = setUp();
    const failure: RpcResponse = { ok: false, error: { code: 'unavailable', message: 'Docker is not running.' } };
    const answers = [run('engines.list', {}), run('engines.list', {})];
    calls[0]!.answer(failure);
    expect(await Promise.all(answers)).toEqual([failure, failure]);
    await flush();
    void run('engines.list', {});
    expect(calls).toHaveLength(2);
  });

  it('shares a transport that throws too, then forgets it', async () => {
    const shared = createSharedCalls();
    let started = 0;
    const start = () => {
      started++;
      return Promise.reject(new Error('socket gone'));
    };
    const answers = [shared.run('demos.list', {}, start), shared.run('demos.list', {}, start)];
    for (const answer of answers) await expect(answer).rejects.toThrow('socket gone');
    await flush();
    await expect(shared.run('demos.list', {}, start)).rejects.toThrow('socket gone');
    expect(started).toBe(2);
  });

  it('after an event, starts a fresh call that later callers share; the older one still answers its callers', async () => {
    const { calls, run, shared } = setUp();
    const before = run('suggestions.forNote', { path: 'A.md' });
    shared.eventArrived();
    const after = [run('suggestions.forNote', { path: 'A.md' }), run('suggestions.forNote', { path: 'A.md' })];
    expect(calls).toHaveLength(2);
    calls[0]!.answer({ ok: true, value: 'old' });
    calls[1]!.answer({ ok: true, value: 'new' });
    expect(await before).toEqual({ ok: true, value: 'old' });
    expect(await Promise.all(after)).toEqual([
      { ok: true, value: 'new' },
      { ok: true, value: 'new' },
    ]);
  });

  it('an older call settling does not drop the fresh one from the table', async () => {
    const { calls, run, shared } = setUp();
    const before = run('demos.list', {});
    shared.eventArrived();
    void run('demos.list', {});
    calls[0]!.answer({ ok: true, value: 'old' });
    await before;
    await flush();
    void run('demos.list', {});
    expect(calls).toHaveLength(2);
  });
});
