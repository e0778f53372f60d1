import { frontmatterAliases, frontmatterTags, splitFrontmatter } from './frontmatter';
import { headingDomId, headingKey, IdAllocator, slugOf, stripInlineMarkdown } from './heading-key';
import { parseWikilink, type WikilinkParts } from './parse-wikilink';
import { splitFences, stripComments } from './strip-comments';

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
  let lineNumber = front.lineOffset;
  const ids = new IdAllocator();

  for (const chunk of splitFences(body)) {
    const lines = chunk.text.split('\n');
    if (chunk.code) {
      lineNumber += lines.length;
      textParts.push(lines.slice(1, -1).join('\n'));
      continue;
    }
    for (const line of lines) {
      lineNumber++;
      if (line.length === 0) continue;
      const heading = HEADING.exec(line);
      if (heading?.[1] && heading[2] !== undefined) {
        const text = stripInlineMarkdown(heading[2]);
        headings.push({
          level: heading[1].length,
          text,
          key: headingKey(heading[2]),
          line: lineNumber,
          id: headingDomId(ids.next(slugOf(heading[2]))),
        });
      }
      if (line.includes('[[')) {
        for (const match of line.matchAll(WIKILINK)) {
          const inner = match[2] ?? '';
          links.push({ ...parseWikilink(inner), embed: match[1] === '!', line: lineNumber, context: line.trim().slice(0, 300) });
        }
      }
      if (line.includes('.md')) {
        for (const match of line.matchAll(MD_LINK)) {
          const href = match[2] ?? '';
          if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
          const parts = parseWikilink(safeDecode(href));
          links.push({ ...parts, embed: match[1] === '!', line: lineNumber, context: line.trim().slice(0, 300) });
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
  }

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
  return markdown
    .replace(/!?\[\[([^[\]|\n]*?)(?:\s*\|\s*([^\]\n]*))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target)
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^ {0,3}(#{1,6}|>+|[-*+]|\d+[.)])(?:[ \t]+\[[ xX]\])?[ \t]+/gm, '')
    .replace(/(\*\*|__|==|~~|`+)/g, '')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/[ \t]+/g, ' ');
}
