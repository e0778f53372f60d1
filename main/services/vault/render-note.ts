import { blockDomId, IdAllocator } from './heading-key';
import type { LinkResolver } from './link-resolver';
import { findHeading } from './link-resolver';
import { attributes, escapeHtml } from './markdown/html-escape';
import { createMarkdown, MAX_NESTING } from './markdown/create-markdown';
import type { RenderedHeading, RenderEnv, RenderFlags, ResolvedLink } from './markdown/render-env';
import { extractSection } from './note-section';
import { scanNote, type ScannedNote } from './note-scan';
import { defaultLinkText, type WikilinkParts } from './parse-wikilink';
import { sanitizeNoteHtml } from './sanitize-html';
import { stripComments } from './strip-comments';
import { encodeVaultPath, noteNameOf } from './vault-paths';
import { splitFrontmatter } from './frontmatter';
import { plainTextHtml, plainTextReason, plainTextScan } from './render-limits';
import { renderChunked, type ChunkMark } from './render-chunks';
import { parseWithLongTables } from './long-tables';

/** What the renderer needs to know about the rest of the vault. */
export interface NoteLookup {
  resolver: Pick<LinkResolver, 'resolve'>;
  /** Scanned facts of another note (headings, block ids), or undefined when unknown. */
  scanOf(path: string): Pick<ScannedNote, 'headings' | 'blockIds'> | undefined;
  /** Normalized source of a note, for embeds; null when it cannot be read. */
  sourceOf(path: string): string | null;
}

/** How links and attachments are addressed in the output. */
export interface RenderUrls {
  noteHref(path: string, anchor: string | undefined, fromPath: string): string;
  attachmentUrl(path: string): string;
  /** Links to missing notes carry their tooltip as a `title` (a standalone file; the reader adds it on hover and focus). */
  linkTooltips?: boolean;
}

/** A note rendered to sanitized HTML, with its outline and properties. */
export interface RenderedNote {
  html: string;
  headings: RenderedHeading[];
  properties: Record<string, unknown>;
  scan: ScannedNote;
  /** Readable problems shown above the note (broken frontmatter, cut content, bad bytes). */
  problems: string[];
  truncated: boolean;
  /** True when the note was over the limits (see `render-limits.ts`) and is shown as plain text. */
  plainText: boolean;
  /** Where the HTML splits into chunks the reader can insert one at a time (see `render-chunks.ts`). */
  chunks: ChunkMark[];
}

/** Notes longer than this (characters) are cut to `TRUNCATE_TO` before rendering. */
export const RENDER_LIMIT = 1_200_000;
export const TRUNCATE_TO = 300_000;
export const MAX_EMBED_DEPTH = 4;
/** Rendered HTML up to this size is also sanitized with DOMPurify over jsdom (slow on huge notes). */
export const DOM_SANITIZE_LIMIT = 200_000;

/** Reader defaults: same-note anchors as fragments; everything else handled by click delegation. */
export const readerUrls: RenderUrls = {
  noteHref: (path, anchor, fromPath) => (path === fromPath && anchor ? `#${anchor}` : `#${anchor ?? ''}`),
  attachmentUrl: (path) => `/vault-file/${encodeVaultPath(path)}`,
};

const md = createMarkdown();

interface RenderState {
  lookup: NoteLookup;
  urls: RenderUrls;
  ids: IdAllocator;
  flags: RenderFlags;
  topPath: string;
  selfScan: ScannedNote;
  maxLevel: number;
}

function makeEnv(state: RenderState, sourcePath: string, embedded: boolean, stack: string[]): RenderEnv {
  const scanOf = (path: string) => (path === state.topPath ? state.selfScan : state.lookup.scanOf(path));
  const env: RenderEnv = {
    sourcePath,
    embedded,
    ids: state.ids,
    headings: [],
    flags: state.flags,
    linkTooltips: state.urls.linkTooltips === true,
    noteHref: (path, anchor) => state.urls.noteHref(path, anchor, state.topPath),
    attachmentUrl: (path) => state.urls.attachmentUrl(path),
    resolveLink(parts: WikilinkParts): ResolvedLink {
      const target = parts.target === '' ? { path: sourcePath, kind: 'note' as const } : state.lookup.resolver.resolve(parts.target, sourcePath);
      if (!target) return { kind: 'missing' };
      if (target.kind === 'attachment') return { kind: 'attachment', path: target.path };
      const facts = scanOf(target.path);
      if (parts.blockId !== undefined) {
        return facts?.blockIds.includes(parts.blockId)
          ? { kind: 'note', path: target.path, anchor: blockDomId(parts.blockId) }
          : { kind: 'note', path: target.path, missingSubpath: true };
      }
      if (parts.headings.length) {
        const heading = facts ? facts.headings[findHeading(facts.headings, parts.headings)] : undefined;
        return heading ? { kind: 'note', path: target.path, anchor: heading.id } : { kind: 'note', path: target.path, missingSubpath: true };
      }
      return { kind: 'note', path: target.path };
    },
    renderNoteEmbed(parts, target) {
      return renderEmbed(state, parts, target.path, stack);
    },
  };
  return env;
}

function embedFrame(path: string, parts: WikilinkParts, href: string, inner: string, extraClass = ''): string {
  const title = defaultLinkText({ ...parts, target: noteNameOf(path) });
  return `<div${attributes({ class: `embed-note${extraClass}`, 'data-note-path': path })}><div class="embed-note-header"><a${attributes({
    class: 'internal-link embed-note-link',
    href,
    'data-note-path': path,
  })}>${escapeHtml(title)}</a></div><div class="embed-note-content">${inner}</div></div>`;
}

function renderEmbed(state: RenderState, parts: WikilinkParts, path: string, stack: string[]): string {
  const key = `${path}#${parts.blockId ?? parts.headings.join('#')}`;
  const href = state.urls.noteHref(path, undefined, state.topPath);
  if (stack.includes(key) || stack.includes(`${path}#`)) {
    return embedFrame(path, parts, href, `<p class="embed-error">⟲ This embed points back to a note that is already shown above, so it is not repeated.</p>`, ' is-cycle');
  }
  if (stack.length > MAX_EMBED_DEPTH) {
    return embedFrame(path, parts, href, `<p class="embed-error">Embeds nest more than ${MAX_EMBED_DEPTH} levels deep; open the note to read on.</p>`, ' is-too-deep');
  }
  const source = state.lookup.sourceOf(path);
  if (source === null) return embedFrame(path, parts, href, `<p class="embed-error">This note could not be read.</p>`, ' is-error');
  const facts = state.lookup.scanOf(path) ?? scanNote(source, noteNameOf(path));
  const section = extractSection(source, facts.headings, parts);
  if (section === null) {
    const what = parts.blockId !== undefined ? `block ^${parts.blockId}` : `heading “${parts.headings.join(' › ')}”`;
    return embedFrame(path, parts, href, `<p class="embed-error">The ${escapeHtml(what)} was not found in this note.</p>`, ' is-error');
  }
  const env = makeEnv(state, path, true, [...stack, key]);
  const tokens = md.parse(stripComments(section.slice(0, TRUNCATE_TO)), env);
  trackNesting(state, tokens);
  return embedFrame(path, parts, href, md.renderer.render(tokens, md.options, env));
}

function trackNesting(state: RenderState, tokens: { level: number }[]): void {
  for (const token of tokens) if (token.level > state.maxLevel) state.maxLevel = token.level;
}

/**
 * Parses and renders a note's body: a big note's long tables a batch of rows at a time (see
 * `long-tables.ts`), anything else (or a long table that would not come out the same) in one parse.
 */
function parseAndRender(body: string, start: () => { state: RenderState; env: RenderEnv }, checkpoint?: () => void) {
  const fast = start();
  const long = parseWithLongTables(md, body, fast.env);
  if (long) {
    try {
      trackNesting(fast.state, long.tokens);
      return { ...renderChunked(md, long.tokens, fast.env, undefined, long.rowsApart, checkpoint), ...fast };
    } catch (error) {
      if (error instanceof RenderCancelled) throw error;
      // A batch of rows did not parse as rows: render the note in one parse below.
    }
  }
  const { state, env } = start();
  const tokens = md.parse(body, env);
  trackNesting(state, tokens);
  return { ...renderChunked(md, tokens, env, undefined, undefined, checkpoint), state, env };
}

/** Thrown by a render's checkpoint when the render is no longer wanted (see `RenderPool.render`'s signal). */
export class RenderCancelled extends Error {
  constructor() {
    super('The render was cancelled: the note is no longer shown.');
  }
}

/**
 * Renders a normalized note (see `decodeNote`) to sanitized HTML with the one markdown
 * pipeline used by the reader and by export. Never throws on bad markdown: problems are
 * reported in `problems` and shown in place. `checkpoint` runs between blocks; it may throw
 * `RenderCancelled` to stop. `scanned`: `scanNote` of this very source, when the caller has it
 * (used unless the note is cut, which scans the part shown).
 */
export function renderNote(path: string, source: string, lookup: NoteLookup, urls: RenderUrls = readerUrls, checkpoint?: () => void, scanned?: ScannedNote): RenderedNote {
  const plainReason = plainTextReason(source);
  if (plainReason !== null) {
    const html = plainTextHtml(source);
    return { html, headings: [], properties: {}, scan: plainTextScan(path, source), problems: [plainReason], truncated: false, plainText: true, chunks: [{ end: html.length, tableRows: false }] };
  }
  const problems: string[] = [];
  let text = source;
  let truncated = false;
  if (text.length > RENDER_LIMIT) {
    const cut = text.lastIndexOf('\n', TRUNCATE_TO);
    text = text.slice(0, cut > TRUNCATE_TO / 2 ? cut : TRUNCATE_TO);
    truncated = true;
    problems.push(`This note is ${(source.length / 1_000_000).toFixed(1)} million characters long; only the first ${Math.round(text.length / 1000)} thousand are shown. Open it in an editor to read the rest.`);
  }
  const scan = scanned && !truncated ? scanned : scanNote(text, noteNameOf(path));
  if (scan.frontmatterError) problems.push(scan.frontmatterError);
  const front = splitFrontmatter(text);
  const body = stripComments(front.body);
  const start = () => {
    const state: RenderState = { lookup, urls, ids: new IdAllocator(), flags: { hasRawHtml: false }, topPath: path, selfScan: scan, maxLevel: 0 };
    const env = makeEnv(state, path, false, [`${path}#`]);
    env.lineOffset = front.lineOffset;
    return { state, env };
  };
  const rendered = parseAndRender(body, start, checkpoint);
  const { state, env } = rendered;
  let { html, chunks } = rendered;
  if (state.maxLevel >= MAX_NESTING - 1) {
    problems.push(`This note nests lists or quotes more than ${MAX_NESTING} levels deep; the deepest part is not shown.`);
  }
  // Raw HTML was already filtered tag by tag; notes of ordinary size also get a full DOMPurify pass.
  if (state.flags.hasRawHtml && html.length <= DOM_SANITIZE_LIMIT) {
    html = sanitizeNoteHtml(html);
    chunks = [{ end: html.length, tableRows: false }];
  }
  return { html, headings: env.headings, properties: scan.properties, scan, problems, truncated, plainText: false, chunks };
}
