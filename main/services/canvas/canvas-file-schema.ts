import { z } from 'zod';

/**
 * JSON Canvas 1.0 (jsoncanvas.org) as Obsidian writes it, read leniently: unknown fields are
 * ignored, missing optional ones are fine, a field of the wrong type is dropped rather than failing
 * the card (`catch`). What must be there for a card to be drawn (id, type, a box) is required.
 */
const finite = z.number().refine(Number.isFinite);
const optionalString = z.string().optional().catch(undefined);

/** An id as written (Obsidian: 16 hex digits); numbers are read as their text. */
const id = z.union([z.string(), z.number().transform(String)]).pipe(z.string().min(1).max(200));

const box = {
  id,
  x: finite,
  y: finite,
  width: finite,
  height: finite,
  color: z.union([z.string(), z.number().transform(String)]).optional().catch(undefined),
};

/** One card of a canvas file. */
export const canvasFileNodeSchema = z.discriminatedUnion('type', [
  z.object({ ...box, type: z.literal('text'), text: z.string().catch('') }),
  z.object({ ...box, type: z.literal('file'), file: z.string(), subpath: optionalString }),
  z.object({ ...box, type: z.literal('link'), url: z.string() }),
  z.object({
    ...box,
    type: z.literal('group'),
    label: optionalString,
    background: optionalString,
    backgroundStyle: z.enum(['cover', 'ratio', 'repeat']).optional().catch(undefined),
  }),
]);
export type CanvasFileNode = z.infer<typeof canvasFileNodeSchema>;

const side = z.enum(['top', 'right', 'bottom', 'left']).optional().catch(undefined);
const end = z.enum(['none', 'arrow']).optional().catch(undefined);

/** One arrow of a canvas file. */
export const canvasFileEdgeSchema = z.object({
  id,
  fromNode: id,
  toNode: id,
  fromSide: side,
  toSide: side,
  fromEnd: end,
  toEnd: end,
  color: z.union([z.string(), z.number().transform(String)]).optional().catch(undefined),
  label: optionalString,
});
export type CanvasFileEdge = z.infer<typeof canvasFileEdgeSchema>;
