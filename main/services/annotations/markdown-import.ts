import { z } from 'zod';
import { describeZodError } from '../../contract/errors';
import { annotationSchema, highlightColorSchema, type Annotation } from '../../contract/annotations';
import { META_MARKER } from './markdown-export';

/** What was read from an export: the annotations, and one readable line per block that failed. */
export interface ParsedExport {
  annotations: Annotation[];
  problems: string[];
}

export interface ImportOptions {
  /** Ids for annotations written by hand (without Berth's hidden metadata). */
  newId: () => string;
  now: () => number;
}

const metaSchema = annotationSchema.omit({ comment: true }).extend({ v: z.literal(1) });
const META_LINE = new RegExp(`^%%\\s*${META_MARKER}\\s+(.*?)\\s*%%\\s*$`);
const CALLOUT_START = /^>\s*\[!quote\][+-]?/i;
const LINK = /\[\[([^\]|#]+)(?:#([^\]|]*))?(?:\|[^\]]*)?\]\]/;

interface Block {
  line: number;
  lines: string[];
}

function unquote(line: string): string {
  return line.replace(/^>\s?/, '');
}

/** Finds every quote callout: consecutive `>` lines starting with `> [!quote]`. */
function findCallouts(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!CALLOUT_START.test(lines[i] ?? '')) continue;
    const block: Block = { line: i + 1, lines: [] };
    while (i < lines.length && (lines[i] ?? '').startsWith('>')) block.lines.push(unquote(lines[i++] ?? ''));
    blocks.push(block);
  }
  return blocks;
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]?.trim()) start++;
  while (end > start && !lines[end - 1]?.trim()) end--;
  return lines.slice(start, end);
}

interface Visible {
  title: string;
  exact: string;
  comment: string;
  footer: string | null;
  metaText: string | null;
}

function splitBlock(lines: string[]): Visible {
  const [header = '', ...rest] = lines;
  const title = header.replace(/^\[!quote\][+-]?\s*/i, '');
  let body = [...rest];
  let metaText: string | null = null;
  const lastFilled = trimBlank(body);
  const metaMatch = META_LINE.exec(lastFilled[lastFilled.length - 1] ?? '');
  if (metaMatch) {
    metaText = metaMatch[1] ?? '';
    body = lastFilled.slice(0, -1);
  }
  body = trimBlank(body);
  let footer: string | null = null;
  const last = body[body.length - 1] ?? '';
  if (/^(—\s*)?\[\[/.test(last)) {
    footer = last.replace(/^—\s*/, '');
    body = trimBlank(body.slice(0, -1));
  }
  const exactLines: string[] = [];
  while (body.length && body[0]?.startsWith('>')) exactLines.push(unquote(body.shift() ?? ''));
  return { title, exact: exactLines.join('\n'), comment: trimBlank(body).join('\n'), footer, metaText };
}

/** The comment without the demo-run block the export writes after it. */
function withoutEvidence(comment: string): string {
  const lines = comment.split('\n');
  const at = lines.findLastIndex((l) => l.startsWith('**Demo run**'));
  return at === -1 ? comment : trimBlank(lines.slice(0, at)).join('\n');
}

function fromMeta(meta: z.infer<typeof metaSchema>, visible: Visible): Annotation {
  const { v: _version, ...rest } = meta;
  const exact = visible.exact.trim() ? visible.exact : meta.target.quote.exact;
  const comment = meta.evidence ? withoutEvidence(visible.comment) : visible.comment;
  return { ...rest, comment, target: { ...meta.target, quote: { ...meta.target.quote, exact } } };
}

function fromVisible(visible: Visible, options: ImportOptions): Annotation | string {
  const link = visible.footer ? LINK.exec(visible.footer) : null;
  if (!link?.[1]) return 'it has no [[Note#Heading]] link, so Berth cannot tell which note it belongs to';
  if (!visible.exact.trim()) return 'it has no quoted text (a "> " line under the callout title)';
  const notePath = /\.md$/i.test(link[1]) ? link[1].trim() : `${link[1].trim()}.md`;
  const color = highlightColorSchema.options.find((c) => new RegExp(`(^|·)\\s*${c}\\s*(·|$)`, 'i').test(visible.title)) ?? 'yellow';
  const footer = visible.footer ?? '';
  const tags = [...footer.replace(LINK, '').matchAll(/(?:^|\s)#([\p{L}\p{N}_/-]+)/gu)].map((m) => m[1] ?? '').filter(Boolean);
  const date = /(\d{4}-\d{2}-\d{2})/.exec(footer.replace(LINK, ''))?.[1];
  const createdAt = date ? Date.parse(`${date}T00:00:00Z`) : options.now();
  const exact = visible.exact.trim();
  return {
    id: options.newId(),
    notePath,
    color,
    comment: visible.comment,
    tags: [...new Set(tags)],
    target: {
      quote: { exact, prefix: '', suffix: '' },
      position: { start: 0, end: exact.length },
      heading: link[2]?.trim() || null,
    },
    // Placed for real the next time the note is opened.
    anchor: { status: 'orphaned', method: 'none', checkedAt: options.now() },
    evidence: null,
    createdAt: Number.isFinite(createdAt) ? createdAt : options.now(),
    updatedAt: options.now(),
  };
}

/**
 * Reads annotations back from markdown written by the export (or quote callouts written by hand
 * with a `[[Note#Heading]]` link). The visible quote and comment win over the hidden metadata,
 * so edits made in Obsidian are kept. Blocks that cannot be read are reported, never guessed.
 */
export function parseAnnotationsMarkdown(markdown: string, options: ImportOptions): ParsedExport {
  const annotations: Annotation[] = [];
  const problems: string[] = [];
  for (const block of findCallouts(markdown)) {
    const visible = splitBlock(block.lines);
    let candidate: Annotation | string;
    let metaProblem: string | null = null;
    if (visible.metaText !== null) {
      let json: unknown;
      try {
        json = JSON.parse(visible.metaText);
      } catch {
        json = undefined;
        metaProblem = 'its hidden berth-annotation data is not valid JSON';
      }
      const meta = json === undefined ? null : metaSchema.safeParse(json);
      if (meta && !meta.success) metaProblem = `its hidden berth-annotation data is invalid (${describeZodError(meta.error, 'meta')})`;
      candidate = meta?.success ? fromMeta(meta.data, visible) : fromVisible(visible, options);
    } else {
      candidate = fromVisible(visible, options);
    }
    if (typeof candidate === 'string') {
      problems.push(`Line ${block.line}: skipped a callout because ${metaProblem ?? candidate}.`);
      continue;
    }
    const checked = annotationSchema.safeParse(candidate);
    if (!checked.success) {
      problems.push(`Line ${block.line}: skipped a callout because ${describeZodError(checked.error, 'annotation')}.`);
      continue;
    }
    if (metaProblem) problems.push(`Line ${block.line}: ${metaProblem}; imported it from the visible text instead.`);
    annotations.push(checked.data);
  }
  if (!annotations.length && !problems.length) problems.push('No annotations found: the file has no "> [!quote]" callouts.');
  return { annotations, problems };
}
