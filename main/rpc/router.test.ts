import { describe, expect, it, vi } from 'vitest';
import type { DockerStatus } from '../contract';
import { silentLogger } from '../services/logging/logger';
import { EventHub } from './event-hub';
import { Router, type Handlers } from './router';

const status: DockerStatus = { state: 'connected', host: 'unix:///var/run/docker.sock', source: 'default', message: 'ok', since: 1 };

function makeRouter(overrides: Partial<Handlers> = {}) {
  const hub = new EventHub(silentLogger);
  const handlers = {
    'system.info': () => ({ name: 'Berth', version: '1.0.0', mode: 'web', platform: 'linux' }),
    'system.openExternal': () => ({ opened: true }),
    'docker.status': () => status,
    'docker.reconnect': () => status,
    'docker.listVolumes': () => ({ volumes: [], stale: false, fetchedAt: 1 }),
    'settings.get': () => {
      throw new Error('not used');
    },
    'settings.update': () => {
      throw new Error('not used');
    },
    ...overrides,
  } as unknown as Handlers;
  return { hub, router: new Router(handlers, hub, silentLogger) };
}

const ctx = { transport: 'local' as const, peer: 'test' };

describe('Router', () => {
  it('answers a valid call with the handler result', async () => {
    const { router } = makeRouter();
    const response = await router.call('docker.status', {}, ctx);
    expect(response).toEqual({ ok: true, value: status });
  });

  it('refuses an unknown method with a readable error', async () => {
    const { router } = makeRouter();
    const response = await router.call('docker.deleteEverything', {}, ctx);
    expect(response).toEqual({ ok: false, error: { code: 'unknown-method', message: 'Unknown method "docker.deleteEverything".' } });
  });

  it('refuses malformed params and names the field', async () => {
    const { router } = makeRouter();
    const response = await router.call('system.openExternal', { url: 42 }, ctx);
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.error.code).toBe('invalid-params');
      expect(response.error.message).toContain('params.url');
    }
  });

  it('refuses extra params on strict schemas', async () => {
    const { router } = makeRouter();
    const response = await router.call('docker.status', { sneaky: true }, ctx);
    expect(response.ok).toBe(false);
  });

  it('turns a thrown error into { ok: false } with the message', async () => {
    const { router } = makeRouter({
      'docker.listVolumes': () => {
        throw new Error('socket hang up');
      },
    } as Partial<Handlers>);
    const response = await router.call('docker.listVolumes', {}, ctx);
    expect(response).toEqual({ ok: false, error: { code: 'failed', message: 'docker.listVolumes failed: socket hang up' } });
  });

  it('refuses a result that breaks the contract', async () => {
    const { router } = makeRouter({ 'docker.status': () => ({ state: 'weird' }) } as unknown as Partial<Handlers>);
    const response = await router.call('docker.status', {}, ctx);
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.code).toBe('invalid-result');
  });

  it('forwards subscribed events and stops after dispose', () => {
    const { router, hub } = makeRouter();
    const send = vi.fn();
    const session = router.openSession('peer', send);
    expect(session.subscribe('docker.status')).toEqual({ ok: true, value: null });
    hub.publish('docker.status', status);
    expect(send).toHaveBeenCalledWith('docker.status', status);
    session.dispose();
    hub.publish('docker.status', status);
    expect(send).toHaveBeenCalledTimes(1);
    expect(hub.listenerCount()).toBe(0);
  });

  it('refuses a subscription to an unknown event', () => {
    const { router } = makeRouter();
    const session = router.openSession('peer', vi.fn());
    const response = session.subscribe('docker.secrets');
    expect(response.ok).toBe(false);
    expect(session.subscriptionCount).toBe(0);
  });

  it('drops an event whose payload breaks the contract', () => {
    const { router, hub } = makeRouter();
    const send = vi.fn();
    router.openSession('peer', send).subscribe('docker.changed');
    hub.publish('docker.changed', { scopes: ['everything'] } as never);
    expect(send).not.toHaveBeenCalled();
  });
});
