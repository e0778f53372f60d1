import { describe, expect, it } from 'vitest';
import type { RawEvent } from '@contract';
import { helperContainerIds, isHelperEvent } from './helper-events';

const event = (
  type: string,
  action: string,
  actorId: string,
  attributes: Record<string, string>,
): RawEvent => ({
  seq: 1,
  type,
  action,
  actorId,
  attributes,
  timeNano: 0,
  receivedAt: 0,
});

describe('helper events', () => {
  it('marks the helper container and the volume mounts it made, nothing else', () => {
    const events = [
      event('container', 'create', 'h1', {
        name: 'berth-helper-data-a1b2c3',
        'berth.owner': 'helper',
        'berth.volume': 'data',
      }),
      event('volume', 'mount', 'data', { container: 'h1', destination: '/volume' }),
      event('volume', 'mount', 'data', { container: 'web1', destination: '/data' }),
      event('container', 'start', 'web1', { name: 'web' }),
    ];
    const ids = helperContainerIds(events);
    expect(events.map((e) => isHelperEvent(e, ids))).toEqual([true, true, false, false]);
  });
});
