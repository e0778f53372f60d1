import { frontmatterAliases, frontmatterTags, splitFrontmatter } from './frontmatter';
import { headingDomId, headingKeyOfStripped, IdAllocator, slugOfStripped, stripInlineMarkdown } from './heading-key';
import { parseWikilink, type WikilinkParts } from './parse-wikilink';
import { closesFence, fenceOpening, stripComments } from './strip-comments';

/** A heading as found in a note. */
export interface ScannedHeading {
  level: number;
  /** Text without markdown formatting. */
  text: string;
  /** Comparison key for link subpaths (see `headingKey`). */
  key: string;
  /** 1-based line in the file. */
  line: number;
  /** DOM id the reader gives this heading (`h-<slug>`, unique within the note). */
  id: string;
}

/** A link found in a note (wikilink, embed, or markdown link to a `.md` file). */
export interface ScannedLink extends WikilinkParts {
  embed: boolean;
  /** 1-based line in the file. */
  line: number;
  /** The line the link is on, trimmed, for backlink context. */
  context: string;
}

/** Everything the index needs to know about a note, found without a full markdown parse. */
export interface ScannedNote {
  title: string;
  aliases: string[];
  tags: string[];
  headings: ScannedHeading[];
  blockIds: string[];
  links: ScannedLink[];
  properties: Record<string, unknown>;
  frontmatterError?: string;
  /** Prose for search: markdown syntax mostly removed. */
  text: string;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;
const MD_LINK = /(!?)\[[^\]\n]*\]\(<?([^)\s>]+?\.md(?:#[^)\s>]*)?)>?(?:\s+"[^"]*")?\)/gi;
const TAG_BODY = /[\p{L}\p{N}_/-]+/uy;
const TAG_BEFORE = /[\s(,;]/;
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;
const INLINE_CODE = /`+[^`\n]*`+/g;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Normalizes a tag for comparison and display (no `#`, trailing slashes trimmed). */
export function normalizeTag(tag: string): string {
  if (tag.charCodeAt(0) !== 35 && tag.charCodeAt(tag.length - 1) !== 47) return tag;
  return tag.replace(/^#/, '').replace(/\/+$/, '');
}

/** Scans a normalized note (LF, no BOM) for headings, links, tags, block ids and searchable text. */
export function scanNote(source: string, title: string): ScannedNote {
  const front = splitFrontmatter(source);
  const body = stripComments(front.body);
  const headings: ScannedHeading[] = [];
  const links: ScannedLink[] = [];
  const tags = new Set(frontmatterTags(front.properties).map(normalizeTag));
  const blockIds: string[] = [];
  const textParts: string[] = [];
  const ids = new IdAllocator();

  // One pass over the lines: prose lines are scanned, fenced code only feeds the search text
  // (the lines between the fences; an unclosed fence runs to the end and loses its last line,
  // exactly as `splitFences` chunks it).
  const lines = body.split('\n');
  let fence: string | null = null;
  let codeStart = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (fence !== null) {
      if (closesFence(line, fence)) {
        textParts.push(lines.slice(codeStart + 1, index).join('\n'));
        fence = null;
      }
      continue;
    }
    const opened = fenceOpening(line);
    if (opened) {
      fence = opened;
      codeStart = index;
      continue;
    }
    if (line.length === 0) continue;
    const lineNumber = front.lineOffset + index + 1;
    const heading = isHeadingStart(line) ? HEADING.exec(line) : null;
    if (heading?.[1] && heading[2] !== undefined) {
      const stripped = stripInlineMarkdown(heading[2]);
      headings.push({
        level: heading[1].length,
        text: stripped,
        key: headingKeyOfStripped(stripped),
        line: lineNumber,
        id: headingDomId(ids.next(slugOfStripped(stripped))),
      });
    }
    let context: string | undefined;
    if (line.includes('[[')) {
      WIKILINK.lastIndex = 0;
      for (let match = WIKILINK.exec(line); match; match = WIKILINK.exec(line)) {
        const inner = match[2] ?? '';
        context ??= line.trim().slice(0, 300);
        links.push(asLink(parseWikilink(inner), match[1] === '!', lineNumber, context));
      }
    }
    if (line.includes('.md')) {
      MD_LINK.lastIndex = 0;
      for (let match = MD_LINK.exec(line); match; match = MD_LINK.exec(line)) {
        const href = match[2] ?? '';
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
        const parts = parseWikilink(safeDecode(href));
        context ??= line.trim().slice(0, 300);
        links.push(asLink(parts, match[1] === '!', lineNumber, context));
      }
    }
    if (line.includes('#')) {
      const withoutCode = line.includes('`') ? line.replace(INLINE_CODE, ' ') : line;
      const scanFrom = heading ? withoutCode.replace(/^ {0,3}#{1,6}/, '') : withoutCode;
      for (const tag of findTags(scanFrom)) tags.add(tag);
    }
    if (line.includes('^')) {
      const block = BLOCK_ID.exec(line);
      if (block?.[1]) blockIds.push(block[1]);
    }
    textParts.push(line);
  }
  if (fence !== null) textParts.push(lines.slice(codeStart + 1, lines.length - 1).join('\n'));

  const scanned: ScannedNote = {
    title,
    aliases: frontmatterAliases(front.properties),
    tags: [...tags],
    headings,
    blockIds,
    links,
    properties: front.properties,
    text: plainText(textParts.join('\n')),
  };
  if (front.error) scanned.frontmatterError = front.error;
  return scanned;
}

/**
 * Completes freshly parsed wikilink parts into a link, in place: same keys in the same order as
 * `{ ...parts, embed, line, context }`, without the (slow) object spread.
 */
function asLink(parts: WikilinkParts, embed: boolean, line: number, context: string): ScannedLink {
  const link = parts as ScannedLink;
  link.embed = embed;
  link.line = line;
  link.context = context;
  return link;
}

/** Cheap pre-check for `HEADING`: after at most three spaces the line must start with `#`. */
function isHeadingStart(line: string): boolean {
  let at = 0;
  while (at < 3 && line.charCodeAt(at) === 32) at++;
  return line.charCodeAt(at) === 35;
}

/** `#tags` in a line of prose: after a space or line start, not all digits. */
export function findTags(line: string): string[] {
  const found: string[] = [];
  let at = line.indexOf('#');
  while (at >= 0) {
    if (at === 0 || TAG_BEFORE.test(line.charAt(at - 1))) {
      TAG_BODY.lastIndex = at + 1;
      const match = TAG_BODY.exec(line);
      const tag = match ? normalizeTag(match[0]) : '';
      if (tag && !/^[\d/]+$/.test(tag)) found.push(tag);
    }
    at = line.indexOf('#', at + 1);
  }
  return found;
}

/** Markdown reduced to words for search and unlinked-mention scanning. */
export function plainText(markdown: string): string {
  // Steps whose pattern needs a character the text lacks are skipped (same result, less work).
  let text = markdown;
  if (text.includes('[[')) text = text.replace(/!?\[\[([^[\]|\n]*?)(?:\s*\|\s*([^\]\n]*))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target);
  if (text.includes('](')) text = text.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
  text = text.replace(/^ {0,3}(#{1,6}|>+|[-*+]|\d+[.)])(?:[ \t]+\[[ xX]\])?[ \t]+/gm, '');
  text = text.replace(/(\*\*|__|==|~~|`+)/g, '');
  if (text.includes('<')) text = text.replace(/<[^>\n]+>/g, ' ');
  // Runs of spaces and tabs become one space (a lone space already is one).
  return text.includes('\t') || text.includes('  ') ? text.replace(/[ \t]{2,}|\t/g, ' ') : text;
}
