import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANVAS_LIMITS } from '../../contract/canvas';
import { fuzzParams } from '../../testing/fuzz-config';
import { CanvasFormatError, COORDINATE_LIMIT, normalizeColor, parseCanvas } from './parse-canvas';

const text = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'text', x: 0, y: 0, width: 250, height: 60, text: `card ${id}`, ...extra });

describe('parseCanvas', () => {
  it('reads a valid canvas: every node type, edges with defaults, groups first', () => {
    const parsed = parseCanvas(
      JSON.stringify({
        nodes: [
          text('a', { color: '1' }),
          { id: 'f', type: 'file', file: 'Docker/Volumes.md', subpath: '#Named', x: 300, y: 0, width: 400, height: 300 },
          { id: 'l', type: 'link', url: 'https://docs.docker.com', x: 0, y: 400, width: 300, height: 200, color: '#FF8800' },
          { id: 'g', type: 'group', label: 'Storage', background: 'bg.png', backgroundStyle: 'cover', x: -50, y: -50, width: 900, height: 800, color: '4' },
        ],
        edges: [
          { id: 'e1', fromNode: 'a', toNode: 'f', fromSide: 'right', toSide: 'left', label: 'see' },
          { id: 'e2', fromNode: 'f', toNode: 'l', fromEnd: 'arrow', toEnd: 'none', color: '6' },
        ],
      }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes.map((n) => n.id)).toEqual(['g', 'a', 'f', 'l']);
    expect(parsed.nodes[3]).toMatchObject({ type: 'link', color: '#ff8800' });
    expect(parsed.edges[0]).toMatchObject({ fromEnd: 'none', toEnd: 'arrow', label: 'see', fromSide: 'right' });
    expect(parsed.edges[1]).toMatchObject({ fromEnd: 'arrow', toEnd: 'none', color: '6' });
  });

  it('tolerates unknown fields, missing optional ones, numeric ids and an empty file', () => {
    const parsed = parseCanvas(JSON.stringify({ version: 2, nodes: [{ ...text('1'), future: { deep: [1, 2] }, color: 'chartreuse' }, { id: 2, type: 'text', x: 1.5, y: 2, width: 10, height: 10 }], edges: [{ id: 'e', fromNode: '1', toNode: 2, fromSide: 'middle' }] }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes[0]).not.toHaveProperty('future');
    expect(parsed.nodes[0]?.color).toBeUndefined();
    expect(parsed.nodes[1]).toMatchObject({ id: '2', text: '' });
    expect(parsed.edges[0]).toMatchObject({ toNode: '2', fromSide: undefined });
    expect(parseCanvas('')).toEqual({ nodes: [], edges: [], problems: [] });
    expect(parseCanvas('\uFEFF{}')).toEqual({ nodes: [], edges: [], problems: [] });
  });

  it('says where broken JSON is, and refuses what is no canvas at all', () => {
    expect(() => parseCanvas('{"nodes": [\n {"id": "a", ')).toThrow(CanvasFormatError);
    expect(() => parseCanvas('{"nodes": [\n {"id": "a", ')).toThrow(/JSON is broken .*line 2/);
    expect(() => parseCanvas('[1, 2]')).toThrow(/holds a list/);
    expect(() => parseCanvas('null')).toThrow(/holds null/);
    expect(parseCanvas('{"nodes": 5}').problems).toEqual(['Its "nodes" are not a list, so no cards are shown.']);
  });

  it('leaves out unreadable, far-away and repeated cards and broken arrows, saying so', () => {
    const parsed = parseCanvas(
      JSON.stringify({
        nodes: [text('a'), text('a'), { id: 'x', type: 'video' }, text('far', { x: 1e300 }), text('wide', { width: 1e12, height: -5 }), 'junk', null],
        edges: [{ id: 'e', fromNode: 'a', toNode: 'far' }, { id: 'e2', fromNode: 'a', toNode: 'wide' }, { nope: true }],
      }),
    );
    expect(parsed.nodes.map((n) => n.id)).toEqual(['a', 'wide']);
    expect(parsed.nodes[1]).toMatchObject({ width: 100_000, height: 1 });
    expect(parsed.edges.map((e) => e.id)).toEqual(['e2']);
    expect(parsed.problems.join('\n')).toMatch(/3 cards could not be read/);
    expect(parsed.problems.join('\n')).toMatch(new RegExp(`further than ${COORDINATE_LIMIT.toLocaleString('en-US')} px`));
    expect(parsed.problems.join('\n')).toMatch(/repeated the id/);
    expect(parsed.problems.join('\n')).toMatch(/2 arrows could not be drawn/);
  });

  it('shows the first 5,000 of 100,000 cards, quickly', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => text(`n${i}`, { x: i }));
    const edges = Array.from({ length: 30_000 }, (_, i) => ({ id: `e${i}`, fromNode: `n${i}`, toNode: `n${i + 1}` }));
    const started = performance.now();
    const parsed = parseCanvas(JSON.stringify({ nodes, edges }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(parsed.nodes).toHaveLength(CANVAS_LIMITS.nodes);
    expect(parsed.problems[0]).toBe('This canvas has 100,000 cards; Berth shows the first 5,000.');
    expect(parsed.edges.length).toBeLessThan(CANVAS_LIMITS.nodes);
  });

  it('keeps every card of a generated valid canvas, and never throws anything but a format error', () => {
    const node = fc.record({
      type: fc.constantFrom('text', 'file', 'link', 'group'),
      x: fc.integer({ min: -100_000, max: 100_000 }),
      y: fc.integer({ min: -100_000, max: 100_000 }),
      width: fc.integer({ min: 1, max: 5000 }),
      height: fc.integer({ min: 1, max: 5000 }),
      text: fc.string(),
      file: fc.string({ minLength: 1 }),
      url: fc.webUrl(),
      color: fc.option(fc.constantFrom('1', '2', '3', '4', '5', '6', '#a1b2c3'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(node, { maxLength: 40, selector: (n) => `${n.x}` }), (nodes) => {
        const withIds = nodes.map((n, i) => ({ ...n, id: `id${i}` }));
        const parsed = parseCanvas(JSON.stringify({ nodes: withIds, edges: withIds.slice(1).map((n, i) => ({ id: `e${i}`, fromNode: `id${i}`, toNode: n.id })) }));
        expect(parsed.nodes).toHaveLength(withIds.length);
        expect(parsed.edges).toHaveLength(Math.max(0, withIds.length - 1));
        expect(parsed.problems).toEqual([]);
      }),
      fuzzParams(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ nodes: [v], edges: [v] }))), (input) => {
        try {
          const parsed = parseCanvas(input);
          for (const n of parsed.nodes) expect(Number.isFinite(n.x) && Math.abs(n.x) <= COORDINATE_LIMIT).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(CanvasFormatError);
        }
      }),
      fuzzParams(),
    );
  });
});

describe('normalizeColor', () => {
  it('keeps presets and hex colours, drops the rest', () => {
    expect(normalizeColor('3')).toBe('3');
    expect(normalizeColor('#ABCDEF')).toBe('#abcdef');
    expect(normalizeColor('abc')).toBe('#aabbcc');
    expect(normalizeColor('7')).toBeUndefined();
    expect(normalizeColor('red; background: url(x)')).toBeUndefined();
    expect(normalizeColor(undefined)).toBeUndefined();
  });
});
