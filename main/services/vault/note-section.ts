import { splitFrontmatter } from './frontmatter';
import { findHeading } from './link-resolver';
import type { ScannedHeading } from './note-scan';
import type { WikilinkParts } from './parse-wikilink';

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/**
 * The part of a note an embed shows: the whole body, the section under a heading (until the
 * next heading of the same or a higher level), or the block carrying `^id`. `null` when the
 * heading or block does not exist.
 */
export function extractSection(source: string, headings: readonly ScannedHeading[], parts: WikilinkParts): string | null {
  if (parts.blockId !== undefined) return extractBlock(source, parts.blockId);
  if (!parts.headings.length) return splitFrontmatter(source).body;
  const index = findHeading(headings, parts.headings);
  const heading = headings[index];
  if (!heading) return null;
  const lines = source.split('\n');
  let end = lines.length;
  for (let i = index + 1; i < headings.length; i++) {
    const next = headings[i];
    if (next && next.level <= heading.level) {
      end = next.line - 1;
      break;
    }
  }
  return lines.slice(heading.line - 1, end).join('\n');
}

function extractBlock(source: string, blockId: string): string | null {
  const lines = source.split('\n');
  const marker = new RegExp(`(?:^|\\s)\\^${blockId.replace(/[^A-Za-z0-9-]/g, '')}\\s*$`);
  const at = lines.findIndex((line) => marker.test(line));
  if (at < 0) return null;
  const strip = (line: string) => line.replace(marker, '');
  const line = lines[at] ?? '';
  if (line.trim() === `^${blockId}`) {
    // A block id on its own line names the block just above it.
    let start = at - 1;
    while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start--;
    return lines.slice(Math.max(start, 0), at).join('\n');
  }
  if (LIST_ITEM.test(line)) return strip(line).trim();
  let start = at;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start--;
  return [...lines.slice(start, at), strip(line)].join('\n');
}
