import { afterEach, describe, expect, it, vi } from 'vitest';
import { asDockerEvent, dockerEventAction, engineCapabilities, engineEventAction, engineSendsEvent } from './engine-capabilities';
import { EngineGapReconciler, type EngineGapConnection } from './engine-gap-reconciler';

describe('engine capabilities', () => {
  it('knows Podman’s event names and the events it never sends', () => {
    const podman = engineCapabilities({ product: 'podman' });
    expect(engineEventAction(podman, 'container', 'destroy')).toBe('remove');
    expect(dockerEventAction(podman, 'volume', 'remove')).toBe('destroy');
    expect(engineSendsEvent(podman, 'network', 'create')).toBe(false);
    expect(podman.reconcile.networks).toMatch(/^Podman does not report network/);
  });

  it('reads a Podman volume event as Docker sends it (Docker’s action, the name as its id)', () => {
    const sent = { Type: 'volume', Action: 'remove', Actor: { ID: '', Attributes: { name: 'data' } }, time: 1, timeNano: 1e9 };
    expect(asDockerEvent(engineCapabilities({ product: 'podman' }), sent)).toMatchObject({ Action: 'destroy', Actor: { ID: 'data' } });
    const docker = { ...sent, Action: 'destroy', Actor: { ID: 'data', Attributes: {} } };
    expect(asDockerEvent(engineCapabilities({ product: 'docker' }), docker)).toBe(docker);
  });

  it('expects Docker’s behaviour from Docker and from an unknown engine', () => {
    for (const engine of [{ product: 'docker' as const }, undefined, {}]) {
      const caps = engineCapabilities(engine);
      expect(engineEventAction(caps, 'container', 'destroy')).toBe('destroy');
      expect(caps.reconcile).toEqual({});
    }
  });
});

describe('re-reading what an engine does not report', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function connectionOf(product: 'docker' | 'podman') {
    const listeners: ((s: EngineGapConnection['status']) => void)[] = [];
    const connection = {
      status: { state: 'connected', engine: { product } } as EngineGapConnection['status'],
      onStatus(listener: (s: EngineGapConnection['status']) => void) {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
      set(status: EngineGapConnection['status']) {
        connection.status = status;
        for (const l of listeners) l(status);
      },
    };
    return connection;
  }

  it('reconciles on a timer on Podman, says why, and stops on Docker', async () => {
    const connection = connectionOf('podman');
    let reads = 0;
    let told = 0;
    const gaps = new EngineGapReconciler(connection, 'networks', () => reads++, () => told++);
    vi.useFakeTimers();
    const dispose = gaps.start();
    expect(gaps.notice).toMatch(/refreshed every 2 s/);
    expect(told).toBe(1);
    vi.advanceTimersByTime(4_100);
    expect(reads).toBe(2);
    connection.set({ state: 'connected', engine: { product: 'docker' } });
    expect(gaps.notice).toBeUndefined();
    expect(told).toBe(2);
    vi.advanceTimersByTime(10_000);
    expect(reads).toBe(2);
    dispose();
  });

  it('has nothing to say on Docker or while disconnected', () => {
    const connection = connectionOf('docker');
    const gaps = new EngineGapReconciler(connection, 'volumes', () => {});
    const dispose = gaps.start();
    expect(gaps.notice).toBeUndefined();
    connection.set({ state: 'disconnected', engine: { product: 'podman' } });
    expect(gaps.notice).toBeUndefined();
    dispose();
  });
});
