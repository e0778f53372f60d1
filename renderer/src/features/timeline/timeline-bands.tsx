import type { TimelineBand, TimelineModel } from '@contract';
import { layoutBands } from './band-layout';
import { LAYOUT, xOf, type TimelineViewport } from './timeline-draw';

interface Props {
  model: TimelineModel;
  view: TimelineViewport;
  width: number;
  selectedBand?: number | undefined;
  /** Click or Enter on a band: show that step in the run view. */
  onBand: (index: number) => void;
  /** A band outside the window got keyboard focus: bring it into view. */
  onFocusHidden: (band: TimelineBand) => void;
}

/**
 * A demo run's steps as buttons laid over the canvas's band strip: click (or Tab to it and press
 * Enter) to reveal the step in the run view. The canvas draws the bands' colours; these carry the
 * titles, the focus ring and the screen-reader label.
 */
export function TimelineBands({ model, view, width, selectedBand, onBand, onFocusHidden }: Props) {
  if (!model.bands.length) return null;
  const slots = layoutBands(
    model.bands.map((band) => ({
      from: xOf(band.from, view, width),
      to: xOf(band.to, view, width),
    })),
    LAYOUT.labelWidth,
    width - 8,
  );
  return (
    <div className="timeline-bands" role="group" aria-label="Steps of the run">
      {model.bands.map((band, i) => {
        const { left, width: slotWidth, hidden } = slots[i]!;
        const selected = band.index === selectedBand;
        return (
          <button
            key={band.index}
            type="button"
            className={`timeline-band${selected ? ' is-selected' : ''}${hidden ? ' is-hidden' : ''}`}
            data-band={band.index}
            data-status={band.status}
            style={{ left, width: slotWidth }}
            title={`Step ${band.index + 1}: ${band.title} (${band.status})`}
            aria-label={`Step ${band.index + 1}: ${band.title}, ${band.status}. Show it in the run view`}
            {...(selected ? { 'aria-current': 'step' as const } : {})}
            onClick={() => onBand(band.index)}
            onFocus={() => hidden && onFocusHidden(band)}
          >
            {band.index + 1}. {band.title}
          </button>
        );
      })}
    </div>
  );
}
