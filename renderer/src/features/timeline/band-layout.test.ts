import { describe, expect, it } from 'vitest';
import { layoutBands, MIN_BAND_WIDTH } from './band-layout';

describe('layoutBands', () => {
  it('keeps wide bands where they are', () => {
    expect(
      layoutBands(
        [
          { from: 150, to: 300 },
          { from: 300, to: 500 },
        ],
        150,
        800,
      ),
    ).toEqual([
      { left: 150, width: 150, hidden: false },
      { left: 300, width: 200, hidden: false },
    ]);
  });

  it('gives a too-short step room for its number and pushes the next one along', () => {
    const [short, next] = layoutBands(
      [
        { from: 200, to: 201 },
        { from: 201, to: 400 },
      ],
      150,
      800,
    );
    expect(short).toEqual({ left: 200, width: MIN_BAND_WIDTH, hidden: false });
    expect(next).toEqual({
      left: 200 + MIN_BAND_WIDTH,
      width: 400 - 200 - MIN_BAND_WIDTH,
      hidden: false,
    });
  });

  it('hides steps outside the strip and clips the ones at its edges', () => {
    const slots = layoutBands(
      [
        { from: 0, to: 100 },
        { from: 100, to: 300 },
        { from: 900, to: 1000 },
      ],
      150,
      800,
    );
    expect(slots[0]?.hidden).toBe(true);
    expect(slots[1]).toEqual({ left: 150, width: 150, hidden: false });
    expect(slots[2]?.hidden).toBe(true);
  });
});
