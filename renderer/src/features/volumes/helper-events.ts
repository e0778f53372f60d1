import type { RawEvent } from '@contract';

/**
 * Ids of the containers Berth ran as helpers (label `berth.owner=helper`, e.g. to list a
 * volume's files), learnt from their container events.
 */
export function helperContainerIds(events: RawEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events)
    if (e.type === 'container' && e.attributes['berth.owner'] === 'helper') ids.add(e.actorId);
  return ids;
}

/** True for an event of a Berth helper: its container events and the volume mounts it made. */
export function isHelperEvent(e: RawEvent, helperIds: Set<string>): boolean {
  if (e.attributes['berth.owner'] === 'helper') return true;
  const container = e.attributes.container;
  return Boolean(container && helperIds.has(container));
}
