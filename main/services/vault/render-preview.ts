import { plainTextReason } from './render-limits';

/** Notes longer than this (characters) are shown from a quick render of their beginning while the whole note renders. */
const PREVIEW_FROM = 64_000;
/** How much of the note the first screen renders (characters, after the frontmatter). */
const PREVIEW_CHARS = 6_000;

/**
 * The beginning of a long note, cut at a line end, for a first screen rendered in a few
 * milliseconds (a table or code block cut there simply ends early); null for notes short enough
 * to render whole, or over the limits (plain text is quick anyway).
 */
export function previewSource(source: string): string | null {
  if (source.length <= PREVIEW_FROM || plainTextReason(source) !== null) return null;
  const frontmatterEnd = source.startsWith('---') ? source.indexOf('\n---', 3) : -1;
  const wanted = Math.max(0, frontmatterEnd) + PREVIEW_CHARS;
  const cut = source.indexOf('\n', wanted);
  return cut === -1 || cut > source.length / 2 ? null : source.slice(0, cut + 1);
}
