import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARROW_LENGTH, bezierPoint, controlDistance, edgeShape, facingSides, sidePoint, type Rect } from './edge-geometry';

const a: Rect = { x: 0, y: 0, width: 200, height: 100 };
const b: Rect = { x: 400, y: 0, width: 200, height: 100 };

describe('edge geometry', () => {
  it('puts ends in the middle of the named sides', () => {
    expect(sidePoint(a, 'top')).toEqual({ x: 100, y: 0 });
    expect(sidePoint(a, 'right')).toEqual({ x: 200, y: 50 });
    expect(sidePoint(a, 'bottom')).toEqual({ x: 100, y: 100 });
    expect(sidePoint(a, 'left')).toEqual({ x: 0, y: 50 });
  });

  it('picks the facing sides when the file names none', () => {
    expect(facingSides(a, b)).toEqual(['right', 'left']);
    expect(facingSides(b, a)).toEqual(['left', 'right']);
    expect(facingSides(a, { ...a, y: 500 })).toEqual(['bottom', 'top']);
    expect(facingSides({ ...a, y: 500 }, a)).toEqual(['top', 'bottom']);
  });

  it('draws a bezier leaving each side at a right angle, the arrowhead touching the card', () => {
    const shape = edgeShape(a, b, { fromEnd: 'none', toEnd: 'arrow' });
    expect(shape.start).toEqual({ x: 200, y: 50 });
    expect(shape.end).toEqual({ x: 400, y: 50 });
    const reach = controlDistance({ x: 200, y: 50 }, { x: 400 - ARROW_LENGTH, y: 50 });
    expect(shape.d).toBe(`M 200 50 C ${200 + reach} 50, ${400 - ARROW_LENGTH - reach} 50, ${400 - ARROW_LENGTH} 50`);
    expect(shape.toHead).toBe(`400,50 ${400 - ARROW_LENGTH},56 ${400 - ARROW_LENGTH},44`);
    expect(shape.fromHead).toBeUndefined();
    expect(shape.mid.y).toBeCloseTo(50);
    expect(shape.mid.x).toBeCloseTo((200 + 400 - ARROW_LENGTH) / 2);
  });

  it('honours the sides and ends the file names', () => {
    const shape = edgeShape(a, b, { fromSide: 'bottom', toSide: 'top', fromEnd: 'arrow', toEnd: 'none' });
    expect(shape.start).toEqual({ x: 100, y: 100 });
    expect(shape.end).toEqual({ x: 500, y: 0 });
    expect(shape.fromHead?.split(' ')[0]).toBe('100,100');
    expect(shape.toHead).toBeUndefined();
    expect(shape.d.startsWith(`M 100 ${100 + ARROW_LENGTH} C 100`)).toBe(true);
  });

  it('keeps the curve and its heads inside its bounds', () => {
    const rect = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 2000 }), height: fc.integer({ min: 1, max: 2000 }) });
    const side = fc.option(fc.constantFrom('top' as const, 'right' as const, 'bottom' as const, 'left' as const), { nil: undefined });
    fc.assert(
      fc.property(rect, rect, side, side, (from, to, fromSide, toSide) => {
        const shape = edgeShape(from, to, { fromSide, toSide, fromEnd: 'arrow', toEnd: 'arrow' });
        const numbers = shape.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
        const [p0, c1, c2, p3] = [0, 2, 4, 6].map((i) => ({ x: numbers[i]!, y: numbers[i + 1]! }));
        const inside = (p: { x: number; y: number }) =>
          p.x >= shape.bounds.x - 0.01 && p.x <= shape.bounds.x + shape.bounds.width + 0.01 && p.y >= shape.bounds.y - 0.01 && p.y <= shape.bounds.y + shape.bounds.height + 0.01;
        for (let t = 0; t <= 1; t += 0.125) expect(inside(bezierPoint(p0!, c1!, c2!, p3!, t))).toBe(true);
        for (const head of [shape.fromHead!, shape.toHead!]) for (const point of head.split(' ')) expect(inside({ x: Number(point.split(',')[0]), y: Number(point.split(',')[1]) })).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
