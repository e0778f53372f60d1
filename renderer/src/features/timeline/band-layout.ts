/** Where a step's button sits on the band strip, in CSS pixels. */
export interface BandSlot {
  left: number;
  width: number;
  /** Outside the strip (kept in the tab order; focusing it brings the band into view). */
  hidden: boolean;
}

/** The narrowest step button: room for its number. */
export const MIN_BAND_WIDTH = 22;

/**
 * Lays step buttons over their bands (`spans` are pixel ranges in time order) so every step can
 * be clicked: a band too short for its number gets `MIN_BAND_WIDTH`, and a button that would
 * overlap the one before it starts where that one ends. Buttons that fall outside
 * `[start, end]` are hidden.
 */
export function layoutBands(
  spans: readonly { from: number; to: number }[],
  start: number,
  end: number,
): BandSlot[] {
  let previousRight = start;
  return spans.map(({ from, to }) => {
    if (to < start || from > end)
      return { left: Math.min(Math.max(from, start), end), width: 1, hidden: true };
    const left = Math.max(from, start, previousRight);
    const right = Math.min(end, Math.max(to, left + MIN_BAND_WIDTH));
    if (right - left < MIN_BAND_WIDTH / 2)
      return { left: Math.min(left, end), width: 1, hidden: true };
    previousRight = right;
    return { left, width: right - left, hidden: false };
  });
}
