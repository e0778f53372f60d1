import { memo, useMemo } from 'react';
import type { TimelineModel } from '@contract';
import { stateAt } from '@contract/timeline-view';
import { formatSpan } from './timeline-draw';

interface Props {
  model: TimelineModel;
  at: number;
  selectedRow: number;
  onSelectRow: (row: number) => void;
}

/**
 * The state of every object at the cursor, in words: the accessible alternative to the picture.
 * Memoised, so panning and zooming (which change only the canvas) do not re-render its rows.
 */
export const TimelineStates = memo(function TimelineStates({
  model,
  at,
  selectedRow,
  onSelectRow,
}: Props) {
  const states = useMemo(
    () => model.rows.map((row) => ({ row, state: stateAt(row, at) })),
    [model, at],
  );
  const when = formatSpan(at - model.from);
  return (
    <aside
      className="timeline-states"
      aria-live="polite"
      aria-label={`State of everything at ${when}`}
    >
      <h3>At {when}</h3>
      <ul>
        {states.map(({ row, state }, i) => (
          <li key={row.id} className={i === selectedRow ? 'is-selected' : undefined}>
            <button type="button" onClick={() => onSelectRow(i)}>
              <span className="timeline-row-label">{row.label}</span>
              <span className="timeline-state" data-state={state ?? 'none'}>
                {state ?? 'not yet'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
});
