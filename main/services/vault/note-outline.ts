import { splitFrontmatter } from './frontmatter';
import { stripInlineMarkdown } from './heading-key';
import { scanNote } from './note-scan';
import { closesFence, fenceOpening, stripComments } from './strip-comments';

/** A line of prose (outside fenced code) with what surrounds it. */
export interface ProseLine {
  /** 1-based line in the note's source. */
  line: number;
  text: string;
  /** Inside a blockquote or an Obsidian callout (`> [!warning]`). */
  quoted: boolean;
  /** The callout's type and title when the line is inside one (`warning wrong!`), lower case. */
  callout?: string;
  /** A markdown table row. */
  tableRow: boolean;
}

/** A heading section: a markdown heading or a bold line standing alone (`**Bind mount**`). */
export interface NoteSection {
  heading: string;
  /** 1-based line of the heading. */
  line: number;
  /** Reader anchor id for real headings; empty for bold pseudo-headings (the reader gives them none). */
  slug: string;
  kind: 'heading' | 'bold';
  /** Last line of the section (the line before the next heading, or the note's last line). */
  endLine: number;
  /** The section's words: prose, inline code and fenced code (except `berth-demo` blocks). */
  body: string;
  /** Demo ids of ```berth-demo``` blocks already in this section. */
  demoBlocks: string[];
}

/** A note cut into heading sections and prose lines, for the matcher and the claim check. */
export interface NoteOutline {
  sections: NoteSection[];
  prose: ProseLine[];
}

const BOLD_LINE = /^ {0,3}(?:\*\*|__)([^*_\n]{2,80}?)(?:\*\*|__)\s*:?\s*$/;
const DEMO_FENCE = /^ {0,3}(?:`{3,}|~{3,})\s*berth-demo\s+([a-z0-9-]+)/;
const QUOTE = /^ {0,3}>/;
const CALLOUT = /^ {0,3}>\s*\[!([a-z-]+)\][+-]?\s*(.*)$/i;
const TABLE_ROW = /^\s*\|.*\|\s*$/;

/**
 * Cuts a normalized note (LF) into heading sections, using the vault's own scan for real
 * headings and adding bold lines that stand alone as pseudo-headings the way students write them.
 */
export function outlineNote(source: string): NoteOutline {
  const headings = scanNote(source, '').headings;
  const front = splitFrontmatter(source);
  const lines = stripComments(front.body).split('\n');
  const byLine = new Map(headings.map((heading) => [heading.line, heading]));
  const sections: NoteSection[] = [];
  const prose: ProseLine[] = [];
  let current: (NoteSection & { parts: string[] }) | null = null;
  let fence: string | null = null;
  let fenceIsDemo = false;
  let callout: string | undefined;
  const close = (endLine: number) => {
    if (!current) return;
    current.endLine = endLine;
    current.body = current.parts.join('\n');
    const { parts: _parts, ...section } = current;
    sections.push(section);
    current = null;
  };
  const open = (heading: string, line: number, slug: string, kind: NoteSection['kind']) => {
    close(line - 1);
    current = { heading, line, slug, kind, endLine: line, body: '', demoBlocks: [], parts: [] };
  };

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] as string;
    const lineNumber = front.lineOffset + index + 1;
    if (fence !== null) {
      if (closesFence(text, fence)) fence = null;
      else if (!fenceIsDemo && current)
        (current as NoteSection & { parts: string[] }).parts.push(text);
      continue;
    }
    const opened = fenceOpening(text);
    if (opened) {
      fence = opened;
      const demo = DEMO_FENCE.exec(text);
      fenceIsDemo = Boolean(demo);
      if (demo?.[1] && current) (current as NoteSection).demoBlocks.push(demo[1]);
      continue;
    }
    const heading = byLine.get(lineNumber);
    if (heading) {
      open(heading.text, lineNumber, heading.id, 'heading');
      callout = undefined;
      continue;
    }
    if (isSetextHeading(lines, index)) {
      // "Bind mount" underlined with --- or ===: the reader shows a heading (the vault scan does not list it).
      open(stripInlineMarkdown(text).trim(), lineNumber, '', 'heading');
      index++;
      continue;
    }
    const bold = BOLD_LINE.exec(text);
    if (bold?.[1] && isAlone(lines, index)) {
      open(stripInlineMarkdown(bold[1]).replace(/\s*:$/, '').trim(), lineNumber, '', 'bold');
      continue;
    }
    if (text.trim() === '') {
      callout = undefined;
      continue;
    }
    const quoted = QUOTE.test(text);
    const calloutStart = CALLOUT.exec(text);
    if (calloutStart)
      callout = `${calloutStart[1] ?? ''} ${calloutStart[2] ?? ''}`.trim().toLowerCase();
    else if (!quoted) callout = undefined;
    const entry: ProseLine = { line: lineNumber, text, quoted, tableRow: TABLE_ROW.test(text) };
    if (quoted && callout) entry.callout = callout;
    prose.push(entry);
    if (current) (current as NoteSection & { parts: string[] }).parts.push(text);
  }
  close(front.lineOffset + lines.length);
  return { sections, prose };
}

/** A bold line counts as a heading when a blank line (or the note's edge) is above it. */
function isAlone(lines: string[], index: number): boolean {
  const above = index === 0 ? '' : (lines[index - 1] ?? '');
  return above.trim() === '' || /^ {0,3}#/.test(above);
}

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NOT_PARAGRAPH = /^ {0,3}(?:[-*+>|#]|\d+[.)]\s|$)/;

/** A one-line paragraph with a `===` or `---` line under it (and a blank line or the note's start above). */
function isSetextHeading(lines: string[], index: number): boolean {
  const text = lines[index] ?? '';
  const under = lines[index + 1];
  if (
    under === undefined ||
    !SETEXT_UNDERLINE.test(under) ||
    NOT_PARAGRAPH.test(text) ||
    text.length > 120
  )
    return false;
  return index === 0 || (lines[index - 1] ?? '').trim() === '';
}
