// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName, MethodName } from '@contract';
import type * as React from 'react';
import type * as ReactDom from 'react-dom/client';
import type * as Hooks from './hooks';
import { fakeTransport } from './test-support';

/** Real useQuery, client and preload transport over a fake `window.api`: what reaches main is counted. */
let hooks: typeof Hooks;
let react: typeof React;
let reactDom: typeof ReactDom;
let fake: ReturnType<typeof fakeTransport>;
let container: HTMLDivElement;
let root: ReactDom.Root;

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const act = async (step: () => unknown) => {
  await react.act(async () => {
    step();
    await flush();
  });
};
const callsOf = (method: string) => fake.calls.filter((c) => c.method === method);

function Query(props: { id: string; method: MethodName; params: unknown; invalidateOn?: EventName[] }) {
  // The hook is typed per method; the test passes any method through.
  const query = hooks.useQuery(props.method as 'demos.list', props.params as Record<string, never>, { invalidateOn: props.invalidateOn });
  const shown = query.error ? `error ${query.error.message}` : JSON.stringify(query.data ?? null);
  return <p data-id={props.id}>{shown}</p>;
}

/** Hooks "a" and "b" asking the same method and params. */
const twoAsking = (method: MethodName, invalidateOn?: EventName[]) => (
  <>
    <Query id="a" method={method} params={{}} invalidateOn={invalidateOn} />
    <Query id="b" method={method} params={{}} invalidateOn={invalidateOn} />
  </>
);
const shown = (id: string) => container.querySelector(`[data-id="${id}"]`)?.textContent;

beforeEach(async () => {
  vi.resetModules();
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  fake = fakeTransport();
  (window as unknown as { api: unknown }).api = { call: fake.transport.call, subscribe: fake.transport.subscribe };
  react = await import('react');
  reactDom = await import('react-dom/client');
  hooks = await import('./hooks');
  container = document.createElement('div');
  document.body.append(container);
  root = reactDom.createRoot(container);
});

afterEach(async () => {
  await act(() => root.unmount());
  container.remove();
});

describe('useQuery sharing identical calls', () => {
  it('two hooks asking the same thing at once make one call and both show its answer', async () => {
    await act(() => root.render(twoAsking('demos.list')));
    expect(callsOf('demos.list')).toHaveLength(1);
    await act(() => callsOf('demos.list')[0]!.answer({ ok: true, value: ['volumes'] }));
    expect([shown('a'), shown('b')]).toEqual(['["volumes"]', '["volumes"]']);
  });

  it('different params make their own calls', async () => {
    await act(() =>
      root.render(
        <>
          <Query id="a" method="suggestions.forNote" params={{ path: 'A.md' }} />
          <Query id="b" method="suggestions.forNote" params={{ path: 'B.md' }} />
        </>,
      ),
    );
    expect(callsOf('suggestions.forNote').map((c) => c.params)).toEqual([{ path: 'A.md' }, { path: 'B.md' }]);
  });

  it('a hook re-running for an event does not join a call that started before the event', async () => {
    await act(() => root.render(<Query id="b" method="demos.list" params={{}} invalidateOn={['demos.history']} />));
    await act(() => callsOf('demos.list')[0]!.answer({ ok: true, value: ['old'] }));
    await act(() =>
      root.render(
        <>
          <Query id="b" method="demos.list" params={{}} invalidateOn={['demos.history']} />
          <Query id="a" method="demos.list" params={{}} />
        </>,
      ),
    );
    expect(callsOf('demos.list')).toHaveLength(2);
    await act(() => fake.emit('demos.history'));
    expect(callsOf('demos.list')).toHaveLength(3);
    await act(() => callsOf('demos.list')[1]!.answer({ ok: true, value: ['before the event'] }));
    await act(() => callsOf('demos.list')[2]!.answer({ ok: true, value: ['after the event'] }));
    expect([shown('a'), shown('b')]).toEqual(['["before the event"]', '["after the event"]']);
  });

  it('hooks re-running for one event share one fresh call', async () => {
    await act(() => root.render(twoAsking('demos.list', ['demos.history'])));
    await act(() => callsOf('demos.list')[0]!.answer({ ok: true, value: ['old'] }));
    await act(() => fake.emit('demos.history'));
    expect(callsOf('demos.list')).toHaveLength(2);
    await act(() => callsOf('demos.list')[1]!.answer({ ok: true, value: ['new'] }));
    expect([shown('a'), shown('b')]).toEqual(['["new"]', '["new"]']);
  });

  it('an error reaches every hook that shared the call', async () => {
    await act(() => root.render(twoAsking('engines.list')));
    expect(callsOf('engines.list')).toHaveLength(1);
    await act(() => callsOf('engines.list')[0]!.answer({ ok: false, error: { code: 'unavailable', message: 'Docker is not running.' } }));
    expect([shown('a'), shown('b')]).toEqual(['error Docker is not running.', 'error Docker is not running.']);
  });

  it('a hook unmounting leaves the shared call to the others', async () => {
    await act(() => root.render(twoAsking('demos.list')));
    await act(() => root.render(<Query id="b" method="demos.list" params={{}} />));
    expect(shown('a')).toBeUndefined();
    await act(() => callsOf('demos.list')[0]!.answer({ ok: true, value: ['volumes'] }));
    expect(shown('b')).toBe('["volumes"]');
    expect(callsOf('demos.list')).toHaveLength(1);
  });
});

describe('useQuery after a failed answer', () => {
  it('asks again by itself when the failure may pass (Docker restarting), and stops on success', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const settle = async (step: () => unknown) => react.act(async () => {
        step();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      });
      await settle(() => root.render(<Query id="a" method="docker.listVolumes" params={{}} />));
      await settle(() => callsOf('docker.listVolumes')[0]!.answer({ ok: false, error: { code: 'unavailable', message: 'Docker is restarting.' } }));
      expect(shown('a')).toBe('error Docker is restarting.');
      await settle(() => vi.advanceTimersByTime(hooks.QUERY_RETRY_FIRST_MS - 1));
      expect(callsOf('docker.listVolumes')).toHaveLength(1);
      await settle(() => vi.advanceTimersByTime(1));
      expect(callsOf('docker.listVolumes')).toHaveLength(2);
      await settle(() => callsOf('docker.listVolumes')[1]!.answer({ ok: false, error: { code: 'failed', message: 'The request timed out.' } }));
      // Twice as long before the next try.
      await settle(() => vi.advanceTimersByTime(hooks.QUERY_RETRY_FIRST_MS * 2 - 1));
      expect(callsOf('docker.listVolumes')).toHaveLength(2);
      await settle(() => vi.advanceTimersByTime(1));
      await settle(() => callsOf('docker.listVolumes')[2]!.answer({ ok: true, value: { volumes: [] } }));
      expect(shown('a')).toBe('{"volumes":[]}');
      await settle(() => vi.advanceTimersByTime(120_000));
      expect(callsOf('docker.listVolumes')).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not ask again when the answer cannot change by itself (a note that is not there)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const settle = async (step: () => unknown) => react.act(async () => {
        step();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      });
      await settle(() => root.render(<Query id="a" method="vault.readNote" params={{ path: 'Gone.md' }} />));
      await settle(() => callsOf('vault.readNote')[0]!.answer({ ok: false, error: { code: 'not-found', message: 'No such note.' } }));
      await settle(() => vi.advanceTimersByTime(120_000));
      expect(callsOf('vault.readNote')).toHaveLength(1);
      expect(shown('a')).toBe('error No such note.');
    } finally {
      vi.useRealTimers();
    }
  });
});
