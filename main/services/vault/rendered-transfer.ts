import type { RenderedNote } from './render-note';
import { tick } from './sliced-each';

/** Notes with at least this much HTML cross from the render worker as UTF-8 bytes. */
const PACK_FROM_CHARS = 256_000;
/** Bytes decoded on the main thread before other work gets a turn (about 1.5 ms here). */
const DECODE_SLICE_BYTES = 512_000;

/**
 * A rendered note as the render worker posts it. A long note's HTML and text are UTF-8 bytes in
 * one transferred buffer (`packed`; `html` and `scan.text` are then empty): structured cloning
 * copied them as strings, and the main thread took them in as one task (the 2,000-column table's
 * 4.4 MB of HTML: 15-30 ms); a transferred buffer arrives at once and is decoded in slices.
 */
export type PostedRendered = RenderedNote & { packed?: { bytes: Uint8Array; htmlBytes: number } };

/** The message body for a rendered note, and the buffers to transfer with it. */
export function packRendered(rendered: RenderedNote): {
  posted: PostedRendered;
  transfer: ArrayBuffer[];
} {
  if (rendered.html.length < PACK_FROM_CHARS) return { posted: rendered, transfer: [] };
  const htmlBytes = Buffer.byteLength(rendered.html);
  const bytes = new Uint8Array(htmlBytes + Buffer.byteLength(rendered.scan.text));
  const encoder = new TextEncoder();
  encoder.encodeInto(rendered.html, bytes);
  encoder.encodeInto(rendered.scan.text, bytes.subarray(htmlBytes));
  return {
    posted: {
      ...rendered,
      html: '',
      scan: { ...rendered.scan, text: '' },
      packed: { bytes, htmlBytes },
    },
    transfer: [bytes.buffer],
  };
}

async function decodeInSlices(bytes: Uint8Array, sliceBytes: number): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += sliceBytes) {
    if (at > 0) await tick();
    // `stream`: a character cut by the slice's end is completed by the next slice.
    parts.push(decoder.decode(bytes.subarray(at, at + sliceBytes), { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** The rendered note a `PostedRendered` carries, its bytes decoded a slice at a time. */
export async function unpackRendered(
  posted: PostedRendered,
  sliceBytes = DECODE_SLICE_BYTES,
): Promise<RenderedNote> {
  const { packed, ...rendered } = posted;
  if (!packed) return posted;
  const html = await decodeInSlices(packed.bytes.subarray(0, packed.htmlBytes), sliceBytes);
  const text = await decodeInSlices(packed.bytes.subarray(packed.htmlBytes), sliceBytes);
  return { ...rendered, html, scan: { ...rendered.scan, text } };
}
