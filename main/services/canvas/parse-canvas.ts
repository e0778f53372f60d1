import { CANVAS_LIMITS } from '../../contract/canvas';
import { canvasFileEdgeSchema, canvasFileNodeSchema, type CanvasFileEdge, type CanvasFileNode } from './canvas-file-schema';

/** Cards further out than this (px, either axis) are left out: no board is that big, and transforms lose precision. */
export const COORDINATE_LIMIT = 1_000_000;
/** Widths and heights are kept between 1 px and this. */
export const SIZE_LIMIT = 100_000;
/** Text of one card beyond this many characters is cut. */
export const CARD_TEXT_LIMIT = 100_000;
const LABEL_LIMIT = 1000;

/** A canvas file read and checked: cards (groups first, then in file order) and arrows between them. */
export interface ParsedCanvas {
  nodes: CanvasFileNode[];
  edges: (CanvasFileEdge & { fromEnd: 'none' | 'arrow'; toEnd: 'none' | 'arrow' })[];
  problems: string[];
}

/** Thrown for a file that is no canvas at all; the message says why in plain words. */
export class CanvasFormatError extends Error {}

const PRESET = /^[1-6]$/;
const HEX6 = /^#?([0-9a-f]{6})$/i;
const HEX3 = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i;

/** A JSON Canvas colour as `'1'`..`'6'` or `#rrggbb` (lower case); anything else is no colour. */
export function normalizeColor(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (PRESET.test(value)) return value;
  const six = HEX6.exec(value);
  if (six) return `#${six[1]!.toLowerCase()}`;
  const three = HEX3.exec(value);
  if (three) return `#${three.slice(1, 4).map((d) => d.toLowerCase().repeat(2)).join('')}`;
  return undefined;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Where in the text a JSON error is, as "line L, column C" (V8 reports a position). */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message.replace(/^JSON\.parse: /, '');
  const at = Number(position[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

function clampBox<T extends { width: number; height: number }>(node: T): T {
  return { ...node, width: Math.min(Math.max(node.width, 1), SIZE_LIMIT), height: Math.min(Math.max(node.height, 1), SIZE_LIMIT) };
}

function cleanNode(node: CanvasFileNode): CanvasFileNode {
  const color = normalizeColor(node.color);
  const base = clampBox({ ...node, color });
  if (color === undefined) delete base.color;
  if (base.type === 'text' && base.text.length > CARD_TEXT_LIMIT) base.text = `${base.text.slice(0, CARD_TEXT_LIMIT)}\n\n…`;
  if (base.type === 'group' && base.label !== undefined) base.label = base.label.slice(0, LABEL_LIMIT);
  return base;
}

function readNodes(raw: unknown[], problems: string[]): CanvasFileNode[] {
  if (raw.length > CANVAS_LIMITS.nodes) {
    problems.push(`This canvas has ${count(raw.length, 'card')}; Berth shows the first ${CANVAS_LIMITS.nodes.toLocaleString('en-US')}.`);
  }
  const seen = new Set<string>();
  let invalid = 0;
  let far = 0;
  let duplicate = 0;
  const kept: CanvasFileNode[] = [];
  for (const item of raw.slice(0, CANVAS_LIMITS.nodes)) {
    const parsed = canvasFileNodeSchema.safeParse(item);
    if (!parsed.success) {
      invalid++;
      continue;
    }
    const node = parsed.data;
    if (Math.abs(node.x) > COORDINATE_LIMIT || Math.abs(node.y) > COORDINATE_LIMIT) {
      far++;
      continue;
    }
    if (seen.has(node.id)) {
      duplicate++;
      continue;
    }
    seen.add(node.id);
    kept.push(cleanNode(node));
  }
  if (invalid) problems.push(`${count(invalid, 'card')} could not be read (an unknown type, or no id, position or size) and ${invalid === 1 ? 'is' : 'are'} not shown.`);
  if (far) problems.push(`${count(far, 'card')} ${far === 1 ? 'lies' : 'lie'} further than ${COORDINATE_LIMIT.toLocaleString('en-US')} px from the centre and ${far === 1 ? 'is' : 'are'} not shown.`);
  if (duplicate) problems.push(`${count(duplicate, 'card')} repeated the id of an earlier card and ${duplicate === 1 ? 'is' : 'are'} not shown.`);
  // Groups are drawn behind everything, the larger behind the smaller (a group inside a group stays visible).
  const groups = kept.filter((n) => n.type === 'group').sort((a, b) => b.width * b.height - a.width * a.height);
  return [...groups, ...kept.filter((n) => n.type !== 'group')];
}

function readEdges(raw: unknown[], nodeIds: Set<string>, problems: string[]): ParsedCanvas['edges'] {
  if (raw.length > CANVAS_LIMITS.edges) {
    problems.push(`This canvas has ${count(raw.length, 'arrow')}; Berth shows the first ${CANVAS_LIMITS.edges.toLocaleString('en-US')}.`);
  }
  const seen = new Set<string>();
  let broken = 0;
  const kept: ParsedCanvas['edges'] = [];
  for (const item of raw.slice(0, CANVAS_LIMITS.edges)) {
    const parsed = canvasFileEdgeSchema.safeParse(item);
    if (!parsed.success || !nodeIds.has(parsed.data.fromNode) || !nodeIds.has(parsed.data.toNode) || seen.has(parsed.data.id)) {
      broken++;
      continue;
    }
    const edge = parsed.data;
    seen.add(edge.id);
    const color = normalizeColor(edge.color);
    const clean = { ...edge, fromEnd: edge.fromEnd ?? 'none', toEnd: edge.toEnd ?? 'arrow', color } as const;
    const out: ParsedCanvas['edges'][number] = { ...clean };
    if (color === undefined) delete out.color;
    if (out.label !== undefined) out.label = out.label.slice(0, LABEL_LIMIT);
    kept.push(out);
  }
  if (broken) problems.push(`${count(broken, 'arrow')} could not be drawn (unreadable, or between cards that are not shown).`);
  return kept;
}

/**
 * Reads the text of a `.canvas` file. Throws `CanvasFormatError` with a plain-words reason when it
 * is not a canvas at all (broken JSON, a list instead of an object); otherwise returns what can be
 * drawn and, in `problems`, what was left out and why. An empty file is an empty canvas.
 */
export function parseCanvas(text: string): ParsedCanvas {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return { nodes: [], edges: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new CanvasFormatError(`Its JSON is broken (${jsonErrorPlace(source, error)}), so Berth cannot draw it. Open it in Obsidian or a text editor to repair it.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CanvasFormatError(`It holds ${Array.isArray(data) ? 'a list' : data === null ? 'null' : `a ${typeof data}`}, not a canvas ({ "nodes": [...], "edges": [...] }).`);
  }
  const record = data as Record<string, unknown>;
  const problems: string[] = [];
  const rawNodes = record.nodes === undefined ? [] : record.nodes;
  const rawEdges = record.edges === undefined ? [] : record.edges;
  if (!Array.isArray(rawNodes)) problems.push('Its "nodes" are not a list, so no cards are shown.');
  if (!Array.isArray(rawEdges)) problems.push('Its "edges" are not a list, so no arrows are shown.');
  const nodes = Array.isArray(rawNodes) ? readNodes(rawNodes, problems) : [];
  const edges = Array.isArray(rawEdges) ? readEdges(rawEdges, new Set(nodes.map((n) => n.id)), problems) : [];
  return { nodes, edges, problems };
}
