import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventHub } from '../rpc/event-hub';

const shown: { title: string; body: string }[] = [];
const instances: { listeners: Map<string, () => void> }[] = [];
let focused: object | null = null;
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => focused, getAllWindows: () => [] },
  Notification: class {
    static isSupported = () => true;
    listeners = new Map<string, () => void>();
    constructor(private readonly options: { title: string; body: string }) {
      instances.push(this);
    }
    on(name: string, listener: () => void) {
      this.listeners.set(name, listener);
    }
    show() {
      shown.push(this.options);
    }
  },
}));

const { silentLogger } = await import('../services/logging/logger');
const { notifyFinishedDemos, heldNotificationCount } = await import('./demo-notifications');

/** A hub that records its listeners so the test can deliver any payload shape. */
function fakeHub() {
  const listeners = new Map<string, (event: string, payload: unknown) => void>();
  const hub = {
    add: (name: string, listener: (event: string, payload: unknown) => void) => (
      listeners.set(name, listener),
      () => listeners.delete(name)
    ),
  };
  return {
    hub: hub as unknown as EventHub,
    fire: (name: string, payload: unknown) => listeners.get(name)?.(name, payload),
    listeners,
  };
}

describe('demo-finished notifications', () => {
  beforeEach(() => {
    shown.length = 0;
    focused = null;
  });

  it('holds a notification until it is clicked or closed, so its click is never lost', () => {
    const { hub, fire } = fakeHub();
    const stop = notifyFinishedDemos(hub, () => true, silentLogger, ['demos.run' as never]);
    const before = heldNotificationCount();
    fire('demos.run', {
      type: 'run-finished',
      runId: 'r1',
      record: { title: 'One', status: 'passed' },
    });
    fire('demos.run', {
      type: 'run-finished',
      runId: 'r2',
      record: { title: 'Two', status: 'failed' },
    });
    expect(heldNotificationCount()).toBe(before + 2);
    instances.at(-2)!.listeners.get('click')!();
    instances.at(-1)!.listeners.get('close')!();
    expect(heldNotificationCount()).toBe(before);
    stop();
  });

  it('notifies when a run finishes while no window has the focus', () => {
    const { hub, fire, listeners } = fakeHub();
    const stop = notifyFinishedDemos(hub, () => true, silentLogger, ['demos.run' as never]);
    fire('demos.run', {
      type: 'run-finished',
      runId: 'r',
      record: { title: 'Volumes persist', status: 'passed' },
    });
    expect(shown).toEqual([
      { title: 'Demo passed: Volumes persist', body: 'Every check held.', silent: true },
    ]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('stays quiet when the window is focused, the setting is off, or the run is not finished', () => {
    const { hub, fire } = fakeHub();
    let enabled = true;
    notifyFinishedDemos(hub, () => enabled, silentLogger, ['demos.run' as never]);
    focused = {};
    fire('demos.run', { record: { title: 'a', status: 'passed' } });
    focused = null;
    enabled = false;
    fire('demos.run', { record: { title: 'b', status: 'failed' } });
    enabled = true;
    fire('demos.run', { type: 'step-started', runId: 'r', index: 0, cli: 'docker run' });
    expect(shown).toEqual([]);
  });
});
