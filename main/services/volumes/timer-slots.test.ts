import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimerSlots } from './timer-slots';

describe('TimerSlots', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('replaces a pending timer of the same name, keeps it with ensure, clears one or all', () => {
    const timers = new TimerSlots<'a' | 'b'>();
    const ran: string[] = [];
    timers.set('a', 10, () => ran.push('a1'));
    timers.set('a', 20, () => ran.push('a2'));
    timers.ensure('b', 5, () => ran.push('b1'));
    timers.ensure('b', 50, () => ran.push('b2'));
    vi.advanceTimersByTime(30);
    expect(ran).toEqual(['b1', 'a2']);
    expect(timers.has('a')).toBe(false);
    timers.set('a', 10, () => ran.push('a3'));
    timers.set('b', 10, () => ran.push('b3'));
    timers.clear('a');
    expect(timers.has('b')).toBe(true);
    timers.clearAll();
    vi.advanceTimersByTime(30);
    expect(ran).toEqual(['b1', 'a2']);
  });
});
