import type { IdAllocator } from '../heading-key';
import type { WikilinkParts } from '../parse-wikilink';

/** A heading of the rendered note, for the outline. */
export interface RenderedHeading {
  level: number;
  text: string;
  id: string;
}

/** What a link resolved to while rendering. */
export type ResolvedLink =
  | { kind: 'note'; path: string; anchor?: string; missingSubpath?: boolean }
  | { kind: 'attachment'; path: string }
  | { kind: 'missing' };

/** Shared by a note and everything embedded in it during one render. */
export interface RenderFlags {
  /** Set when raw HTML passed through markdown-it, so the output must be sanitized. */
  hasRawHtml: boolean;
}

/**
 * The environment the markdown plugins read while rendering one note. Created by `renderNote`;
 * plugins never touch the file system or the index directly.
 */
export interface RenderEnv {
  sourcePath: string;
  /** True while rendering an embedded (transcluded) note: its headings stay out of the outline. */
  embedded: boolean;
  /** Lines of frontmatter before the rendered body, so source line numbers can be given (tasks). */
  lineOffset?: number;
  ids: IdAllocator;
  headings: RenderedHeading[];
  flags: RenderFlags;
  resolveLink(parts: WikilinkParts): ResolvedLink;
  /** Whether links to missing notes carry their tooltip as a `title` (a standalone file; the reader adds it on hover). */
  linkTooltips?: boolean;
  /** Where an internal link points (the reader intercepts clicks; export writes relative links). */
  noteHref(path: string, anchor?: string): string;
  attachmentUrl(path: string): string;
  /** HTML for `![[Note]]`/`![[Note#Heading]]` (handles depth and cycles). */
  renderNoteEmbed(parts: WikilinkParts, target: { path: string }): string;
  /** Footnotes plugin state lives on the env too. */
  [key: string]: unknown;
}

/** Narrows markdown-it's untyped env to ours. */
export function asRenderEnv(env: unknown): RenderEnv {
  return env as RenderEnv;
}
