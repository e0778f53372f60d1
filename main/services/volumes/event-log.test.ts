import { describe, expect, it } from 'vitest';
import type { DockerEvent } from '../docker/docker-event';
import { EventLog } from './event-log';

const event = (timeNano: number, action = 'create'): DockerEvent => ({
  Type: 'volume',
  Action: action,
  Actor: { ID: 'v', Attributes: { driver: 'local' } },
  time: Math.floor(timeNano / 1e9),
  timeNano,
});

describe('EventLog', () => {
  it('keeps the newest events up to its capacity, numbered', () => {
    const log = new EventLog(3, () => 5);
    for (let i = 1; i <= 5; i++) log.add(event(i * 1e9));
    expect(log.recent().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(log.recent(1)[0]).toMatchObject({
      type: 'volume',
      action: 'create',
      actorId: 'v',
      receivedAt: 5,
    });
  });

  it('counts events replayed after a reconnect as missed while disconnected', () => {
    let now = 10_000;
    const log = new EventLog(100, () => now);
    log.add(event(9_000 * 1e6));
    log.markReconnected();
    now = 10_010;
    const replayed = log.add(event(9_500 * 1e6));
    const live = log.add(event(10_005 * 1e6));
    expect(replayed.replayed).toBe(true);
    expect(live.replayed).toBeUndefined();
    log.addMissed(2);
    expect(log.missedWhileDisconnected).toBe(3);
  });
});

describe('EventLog replayed actors', () => {
  it('remembers which actors replayed events named, until the next reconnect', () => {
    let now = 10_000;
    const log = new EventLog(100, () => now);
    log.markReconnected();
    now = 10_010;
    log.add({
      Type: 'volume',
      Action: 'mount',
      Actor: { ID: 'vol', Attributes: { container: 'c1' } },
      time: 9,
      timeNano: 9_000 * 1e6,
    });
    expect([...log.replayedActors].sort()).toEqual(['c1', 'vol']);
    log.markReconnected();
    expect(log.replayedActors.size).toBe(0);
  });
});
