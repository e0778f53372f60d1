import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RawEvent } from '@contract';
import { helperContainerIds, isHelperEvent } from './helper-events';
import './events-panel.css';

function time(e: RawEvent): string {
  const d = new Date(Math.floor(e.timeNano / 1e6));
  return `${d.toLocaleTimeString(undefined, { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function actorName(e: RawEvent): string {
  return e.attributes.name ?? (e.actorId.length > 24 ? `${e.actorId.slice(0, 12)}…` : e.actorId);
}

/** Docker's raw event stream: filterable, pausable, with the count missed while disconnected. */
export function EventsPanel({ events, missed }: { events: RawEvent[]; missed: number }) {
  const [text, setText] = useState('');
  const [type, setType] = useState('all');
  const [paused, setPaused] = useState<RawEvent[] | null>(null);
  const [showHelper, setShowHelper] = useState(true);
  const shown = paused ?? events;
  const newWhilePaused = paused ? events.length - paused.length : 0;
  const types = useMemo(() => [...new Set(events.map((e) => e.type))].sort(), [events]);
  const helperIds = useMemo(() => helperContainerIds(shown), [shown]);
  const filtered = useMemo(() => {
    const q = text.trim().toLowerCase();
    return shown
      .filter(
        (e) =>
          (type === 'all' || e.type === type) &&
          (showHelper || !isHelperEvent(e, helperIds)) &&
          (!q ||
            `${e.action} ${e.actorId} ${JSON.stringify(e.attributes)}`.toLowerCase().includes(q)),
      )
      .reverse();
  }, [shown, text, type, showHelper, helperIds]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: filtered.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 46,
    overscan: 10,
  });

  return (
    <div className="events-panel">
      <div className="events-toolbar">
        <input
          className="input"
          type="search"
          placeholder="Filter action, actor, attribute…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Filter events"
        />
        <select
          className="input filter-select"
          value={type}
          onChange={(e) => setType(e.target.value)}
          aria-label="Event type"
        >
          <option value="all">All types</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label
          className="check"
          title="Containers Berth runs to look inside volumes (label berth.owner=helper)"
        >
          <input
            type="checkbox"
            checked={showHelper}
            onChange={(e) => setShowHelper(e.target.checked)}
          />
          Berth&apos;s helper
        </label>
        <button
          className={`btn btn-sm${paused ? ' btn-primary' : ''}`}
          onClick={() => setPaused(paused ? null : events)}
          data-testid="pause-events"
        >
          {paused ? `Resume${newWhilePaused > 0 ? ` (+${newWhilePaused})` : ''}` : 'Pause'}
        </button>
      </div>
      <div className="events-summary faint small">
        {filtered.length} shown · <span data-testid="missed-count">{missed}</span> missed while
        disconnected
      </div>
      <div className="events-scroller" ref={scroller}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const e = filtered[v.index];
            if (!e) return null;
            const attrs = Object.entries(e.attributes).filter(([k]) => k !== 'name');
            const helper = isHelperEvent(e, helperIds);
            return (
              <div
                key={e.seq}
                className={`event-row${e.replayed ? ' is-replayed' : ''}${helper ? ' is-helper' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: v.size,
                  transform: `translateY(${v.start}px)`,
                }}
                data-event={`${e.type} ${e.action}`}
              >
                <span className="event-time mono">{time(e)}</span>
                <span className={`event-type type-${e.type}`}>{e.type}</span>
                <span className="event-action">{e.action}</span>
                <span className="event-detail">
                  <span className="event-actor mono" title={e.actorId}>
                    {actorName(e)}
                  </span>
                  {helper && (
                    <span
                      className="event-helper"
                      title="A short-lived container Berth ran to look inside a volume"
                    >
                      Berth helper
                    </span>
                  )}
                  <span
                    className="event-attrs mono"
                    title={attrs.map(([k, val]) => `${k}=${val}`).join('\n')}
                  >
                    {attrs.map(([k, val]) => `${k}=${val}`).join('  ')}
                  </span>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
