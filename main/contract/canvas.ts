import { z } from 'zod';
import { method } from './define';

const canvasPath = z.string().min(1).max(4096);

/** The most cards and arrows a canvas shows; a file with more shows the first ones and says so. */
export const CANVAS_LIMITS = { nodes: 5000, edges: 10_000 } as const;

/** A colour of JSON Canvas: a preset `'1'`..`'6'` (red, orange, yellow, green, cyan, purple) or `#rrggbb`. */
export const canvasColorSchema = z.string().regex(/^(?:[1-6]|#[0-9a-f]{6})$/);
export const canvasSideSchema = z.enum(['top', 'right', 'bottom', 'left']);
export type CanvasSide = z.infer<typeof canvasSideSchema>;

const box = {
  id: z.string().max(200),
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  color: canvasColorSchema.optional(),
};

/** A text card: its markdown comes rendered from `canvas.renderCards`; `preview` is its start as plain text. */
export const canvasTextNodeSchema = z.object({ ...box, type: z.literal('text'), preview: z.string() });

/**
 * A card showing a vault file. `target`: a note (rendered start from `canvas.renderCards`), an image
 * (`url`), another vault file (`url` to open it), `missing` (not in the vault) or `refused` (a path
 * leaving the vault, `problem` says why).
 */
export const canvasFileNodeSchema = z.object({
  ...box,
  type: z.literal('file'),
  file: z.string(),
  /** The vault path it resolved to (a note or an attachment). */
  path: z.string().optional(),
  subpath: z.string().optional(),
  name: z.string(),
  target: z.enum(['note', 'image', 'other', 'missing', 'refused']),
  url: z.string().optional(),
  problem: z.string().optional(),
});

/** A web link card. `safe`: an http(s) URL the app may open; anything else is shown, never opened. */
export const canvasLinkNodeSchema = z.object({ ...box, type: z.literal('link'), url: z.string(), host: z.string(), safe: z.boolean() });

/** A group: a labelled, coloured box behind the cards; `background` an image of the vault (URL). */
export const canvasGroupNodeSchema = z.object({
  ...box,
  type: z.literal('group'),
  label: z.string().optional(),
  background: z.string().optional(),
  backgroundStyle: z.enum(['cover', 'ratio', 'repeat']).optional(),
});

export const canvasNodeSchema = z.discriminatedUnion('type', [canvasTextNodeSchema, canvasFileNodeSchema, canvasLinkNodeSchema, canvasGroupNodeSchema]);
export type CanvasNodeView = z.infer<typeof canvasNodeSchema>;

/** An arrow between two cards (both are in `nodes`). */
export const canvasEdgeSchema = z.object({
  id: z.string().max(200),
  fromNode: z.string(),
  toNode: z.string(),
  fromSide: canvasSideSchema.optional(),
  toSide: canvasSideSchema.optional(),
  fromEnd: z.enum(['none', 'arrow']),
  toEnd: z.enum(['none', 'arrow']),
  color: canvasColorSchema.optional(),
  label: z.string().optional(),
});
export type CanvasEdgeView = z.infer<typeof canvasEdgeSchema>;

/** A canvas as the reader shows it: validated, confined to the vault, in drawing order (groups first). */
export const canvasViewSchema = z.object({
  path: z.string(),
  name: z.string(),
  nodes: z.array(canvasNodeSchema).max(CANVAS_LIMITS.nodes),
  edges: z.array(canvasEdgeSchema).max(CANVAS_LIMITS.edges),
  /** Readable problems shown above the canvas (cards left out, broken arrows). */
  problems: z.array(z.string()),
  mtimeMs: z.number(),
});
export type CanvasView = z.infer<typeof canvasViewSchema>;

/** A card's rendered HTML (sanitized by the notes' pipeline; the reader sanitizes it again). */
export const canvasCardHtmlSchema = z.object({ id: z.string(), html: z.string() });
export type CanvasCardHtml = z.infer<typeof canvasCardHtmlSchema>;

export const canvasMethods = {
  'canvas.read': method(
    'An Obsidian canvas (JSON Canvas 1.0) of the vault, validated: its cards, groups and arrows. A broken file fails with a readable message.',
    z.object({ path: canvasPath }).strict(),
    canvasViewSchema,
  ),
  'canvas.renderCards': method(
    'The rendered markdown of some cards of a canvas: text cards, and the start of the notes that file cards show.',
    z.object({ path: canvasPath, ids: z.array(z.string().max(200)).max(200) }).strict(),
    z.object({ cards: z.array(canvasCardHtmlSchema) }),
  ),
} as const;
