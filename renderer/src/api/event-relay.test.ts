import { describe, expect, it } from 'vitest';
import { createEventRelay } from './event-relay';
import { fakeTransport } from './test-support';

describe('createEventRelay', () => {
  it('subscribes once per event and runs its step once per arrival, before every listener', () => {
    const { transport, emit, listeners } = fakeTransport();
    const seen: string[] = [];
    const relay = createEventRelay(transport, () => seen.push('before'));
    relay.on('vault.changed', (payload) => seen.push(`a:${String(payload)}`));
    relay.on('vault.changed', (payload) => seen.push(`b:${String(payload)}`));
    relay.on('docker.changed', () => seen.push('docker'));
    expect(listeners.get('vault.changed')?.size).toBe(1);
    emit('vault.changed', 1);
    emit('docker.changed');
    expect(seen).toEqual(['before', 'a:1', 'b:1', 'before', 'docker']);
  });

  it('runs its step when the link changes: calls in flight may be lost', () => {
    const { transport, setLink } = fakeTransport();
    let steps = 0;
    createEventRelay(transport, () => steps++);
    setLink('lost');
    setLink('open');
    expect(steps).toBe(2);
  });

  it('a disposer removes only its listener; the last one unsubscribes from the transport', () => {
    const { transport, emit, listeners } = fakeTransport();
    const seen: string[] = [];
    const relay = createEventRelay(transport, () => undefined);
    const offA = relay.on('vault.changed', () => seen.push('a'));
    const offB = relay.on('vault.changed', () => seen.push('b'));
    offA();
    offA();
    emit('vault.changed');
    expect(seen).toEqual(['b']);
    offB();
    expect(listeners.get('vault.changed')?.size).toBe(0);
    relay.on('vault.changed', () => seen.push('c'));
    offB();
    emit('vault.changed');
    expect(seen).toEqual(['b', 'c']);
    expect(listeners.get('vault.changed')?.size).toBe(1);
  });

  it('a listener disposed during an arrival is not called any more; the others are', () => {
    const { transport, emit } = fakeTransport();
    const seen: string[] = [];
    const relay = createEventRelay(transport, () => undefined);
    relay.on('vault.changed', () => {
      seen.push('a');
      offB();
    });
    const offB = relay.on('vault.changed', () => seen.push('b'));
    relay.on('vault.changed', () => seen.push('c'));
    emit('vault.changed');
    emit('vault.changed');
    expect(seen).toEqual(['a', 'c', 'a', 'c']);
  });
});
