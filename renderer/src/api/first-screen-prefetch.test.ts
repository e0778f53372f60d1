import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RpcResponse } from '@contract/errors';
import type * as Prefetch from './first-screen-prefetch';
import { fakeTransport } from './test-support';

const flush = () => new Promise((resolve) => setImmediate(resolve));
let prefetch: typeof Prefetch;

beforeEach(async () => {
  vi.resetModules();
  prefetch = await import('./first-screen-prefetch');
});
afterEach(() => vi.useRealTimers());

describe('prefetchFirstScreen', () => {
  it('asks for the vault, then for its first note, and hands each answer out once', async () => {
    const { transport, calls } = fakeTransport();
    prefetch.prefetchFirstScreen(transport);
    expect(calls.map((c) => c.method)).toEqual(['vault.info']);
    calls[0]!.answer({ ok: true, value: { root: '/v', initialNote: 'Storage/Volumes.md' } });
    await flush();
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['vault.info', {}],
      ['vault.readNote', { path: 'Storage/Volumes.md' }],
    ]);
    calls[1]!.answer({ ok: true, value: { path: 'Storage/Volumes.md', html: '<p>hi</p>' } });
    expect(await prefetch.takePrefetched('vault.info', {})).toMatchObject({ ok: true, value: { root: '/v' } });
    expect(prefetch.takePrefetched('vault.info', {})).toBeUndefined();
    expect(prefetch.takePrefetched('vault.readNote', { path: 'Other.md' })).toBeUndefined();
    expect(await prefetch.takePrefetched('vault.readNote', { path: 'Storage/Volumes.md' })).toMatchObject({ value: { html: '<p>hi</p>' } });
  });

  it('asks for no note when the vault has none to show, or answered with an error', async () => {
    for (const answer of [{ ok: true, value: { root: '/v' } }, { ok: false, error: { code: 'unavailable', message: 'gone' } }] as RpcResponse[]) {
      const { transport, calls } = fakeTransport();
      prefetch.prefetchFirstScreen(transport);
      calls[0]!.answer(answer);
      await flush();
      expect(calls).toHaveLength(1);
    }
  });

  it('drops its answers when the vault changes: a feature never gets a note older than a change it saw', async () => {
    const { transport, calls, emit } = fakeTransport();
    prefetch.prefetchFirstScreen(transport);
    calls[0]!.answer({ ok: true, value: { root: '/v', initialNote: 'A.md' } });
    await flush();
    emit('vault.changed');
    expect(prefetch.takePrefetched('vault.readNote', { path: 'A.md' })).toBeUndefined();
    expect(prefetch.takePrefetched('vault.info', {})).toBeUndefined();
  });

  it('still asks for the note when the vault changed before its answer came: read after the change, it is fresh', async () => {
    const { transport, calls, emit } = fakeTransport();
    prefetch.prefetchFirstScreen(transport);
    emit('vault.changed');
    expect(prefetch.takePrefetched('vault.info', {})).toBeUndefined();
    calls[0]!.answer({ ok: true, value: { root: '/v', initialNote: 'A.md' } });
    await flush();
    expect(calls.map((c) => c.method)).toEqual(['vault.info', 'vault.readNote']);
    calls[1]!.answer({ ok: true, value: { path: 'A.md', html: '<p>new</p>' } });
    expect(await prefetch.takePrefetched('vault.readNote', { path: 'A.md' })).toMatchObject({ value: { html: '<p>new</p>' } });
  });

  it('lets unclaimed answers go after the start-up', () => {
    vi.useFakeTimers();
    const { transport, listeners } = fakeTransport();
    prefetch.prefetchFirstScreen(transport);
    vi.advanceTimersByTime(16_000);
    expect(prefetch.takePrefetched('vault.info', {})).toBeUndefined();
    expect(listeners.get('vault.changed')?.size).toBe(0);
  });
});
