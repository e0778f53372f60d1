import { describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;
const handlers = new Map<string, Handler>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    on: (channel: string, handler: Handler) => handlers.set(channel, handler),
    off: vi.fn(),
    removeHandler: vi.fn(),
  },
}));

const { attachIpcTransport } = await import('./ipc-transport');
const { IpcChannel } = await import('../contract');
const { EventHub } = await import('./event-hub');
const { Router } = await import('./router');
const { silentLogger } = await import('../services/logging/logger');

function fakeSender(id: number) {
  const mainFrame = { url: 'app://berth/index.html' };
  return { id, mainFrame, send: vi.fn(), isDestroyed: () => false, once: vi.fn(), on: vi.fn() };
}

function setup() {
  handlers.clear();
  const hub = new EventHub(silentLogger);
  const router = new Router(
    { 'system.info': () => ({ name: 'Berth', version: '1', mode: 'electron', platform: 'linux' }) } as never,
    hub,
    silentLogger,
  );
  const trusted = new Set<number>([1]);
  attachIpcTransport({ router, log: silentLogger, isTrustedSender: (url, sender) => url.startsWith('app://berth/') && trusted.has(sender.id) });
  return { hub, call: handlers.get(IpcChannel.Call)!, subscribe: handlers.get(IpcChannel.Subscribe)! };
}

describe('IPC transport', () => {
  it('answers calls from the main frame of our own window', async () => {
    const { call } = setup();
    const sender = fakeSender(1);
    const response = await call({ sender, senderFrame: sender.mainFrame }, { method: 'system.info', params: {} });
    expect(response).toEqual({ ok: true, value: { name: 'Berth', version: '1', mode: 'electron', platform: 'linux' } });
  });

  it('refuses a sub-frame, a foreign origin and a window that is not ours', async () => {
    const { call } = setup();
    const ours = fakeSender(1);
    const subFrame = await call({ sender: ours, senderFrame: { url: 'app://berth/index.html' } }, { method: 'system.info', params: {} });
    expect(subFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const foreign = fakeSender(1);
    foreign.mainFrame.url = 'https://evil.example/';
    expect(await call({ sender: foreign, senderFrame: foreign.mainFrame }, { method: 'system.info', params: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stranger = fakeSender(2);
    expect(await call({ sender: stranger, senderFrame: stranger.mainFrame }, { method: 'system.info', params: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a malformed call', async () => {
    const { call } = setup();
    const sender = fakeSender(1);
    expect(await call({ sender, senderFrame: sender.mainFrame }, 'system.info')).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
  });

  it('forwards subscribed events to the window and ignores strangers', () => {
    const { hub, subscribe } = setup();
    const ours = fakeSender(1);
    const stranger = fakeSender(2);
    subscribe({ sender: ours, senderFrame: ours.mainFrame }, 'system.notice');
    subscribe({ sender: stranger, senderFrame: stranger.mainFrame }, 'system.notice');
    hub.publish('system.notice', { level: 'info', message: 'hi' });
    expect(ours.send).toHaveBeenCalledWith(IpcChannel.Event, { event: 'system.notice', payload: { level: 'info', message: 'hi' } });
    expect(stranger.send).not.toHaveBeenCalled();
  });
});
