import type { Annotation, AnnotationEvidence } from '../../contract/annotations';

/** First word of the hidden metadata comment that carries what the visible text does not. */
export const META_MARKER = 'berth-annotation';

/** What the hidden comment of an exported annotation holds (the quote and comment are visible). */
export type ExportMeta = Omit<Annotation, 'comment'> & { v: 1 };

/** `Storage/Volumes.md` -> `Storage/Volumes`: the Obsidian link target of a note. */
export function linkTargetOf(notePath: string): string {
  return notePath.replace(/\.md$/i, '');
}

/** A heading as Obsidian links to it: characters links cannot hold become spaces. */
export function linkHeading(heading: string): string {
  return heading.replace(/[[\]#^|]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** `[[Storage/Volumes#Named volumes]]`, or `[[Storage/Volumes]]` without a heading. */
export function wikiLink(notePath: string, heading: string | null): string {
  const anchor = heading ? linkHeading(heading) : '';
  return `[[${linkTargetOf(notePath)}${anchor ? `#${anchor}` : ''}]]`;
}

/** UTC date `YYYY-MM-DD`. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** JSON that fits on one line inside `%% ... %%`: `%` is escaped so the comment cannot end early. */
export function encodeMeta(meta: ExportMeta): string {
  return JSON.stringify(meta).replace(/%/g, '\\u0025');
}

function quoteLines(text: string, prefix: string): string[] {
  return text.split('\n').map((line) => (line.length ? `${prefix} ${line}` : prefix));
}

function evidenceLines(evidence: AnnotationEvidence): string[] {
  const name = evidence.title ?? evidence.demoId ?? 'demo';
  const lines = [`**Demo run** \`${evidence.runId}\` · ${name} · ${evidence.result}`];
  const shown = [...evidence.lines, ...evidence.events.map((e) => `event: ${e}`)];
  if (shown.length) {
    const fence = shown.some((l) => l.includes('```')) ? '~~~~' : '```';
    lines.push(`${fence}text`, ...shown.map((l) => l.replace(/\n/g, ' ')), fence);
  }
  return lines;
}

/** One annotation as an Obsidian quote callout with its comment, link, tags, date and metadata. */
export function annotationToCallout(annotation: Annotation): string {
  const { comment, ...rest } = annotation;
  const title = [annotation.target.heading ?? linkTargetOf(annotation.notePath).split('/').pop(), annotation.color];
  if (annotation.anchor.status === 'orphaned') title.push('orphaned');
  const body: string[] = [`[!quote] ${title.join(' · ')}`, ...quoteLines(annotation.target.quote.exact, '>')];
  if (comment.trim()) body.push('', ...comment.replace(/\s+$/, '').split('\n'));
  if (annotation.evidence) body.push('', ...evidenceLines(annotation.evidence));
  const footer = [wikiLink(annotation.notePath, annotation.target.heading)];
  if (annotation.tags.length) footer.push(annotation.tags.map((t) => `#${t}`).join(' '));
  footer.push(isoDate(annotation.createdAt));
  body.push('', `— ${footer.join(' · ')}`);
  body.push(`%% ${META_MARKER} ${encodeMeta({ v: 1, ...rest })} %%`);
  return quoteLines(body.join('\n'), '>').join('\n');
}

export interface ExportOptions {
  /** Shown in the front matter and the title. */
  vaultName: string;
  /** Only this note, or the whole vault when absent. */
  notePath?: string;
  now?: Date;
}

function byPlace(a: Annotation, b: Annotation): number {
  return a.notePath.localeCompare(b.notePath) || a.target.position.start - b.target.position.start || a.createdAt - b.createdAt;
}

/** Annotations as one Obsidian-compatible markdown document, grouped by note in reading order. */
export function exportAnnotationsMarkdown(annotations: Annotation[], options: ExportOptions): string {
  const now = options.now ?? new Date();
  const chosen = annotations.filter((a) => !options.notePath || a.notePath === options.notePath).sort(byPlace);
  const scope = options.notePath ? wikiLink(options.notePath, null) : options.vaultName;
  const out: string[] = [
    '---',
    'berth: annotations',
    `vault: ${JSON.stringify(options.vaultName)}`,
    ...(options.notePath ? [`note: ${JSON.stringify(options.notePath)}`] : []),
    `exported: ${now.toISOString()}`,
    `count: ${chosen.length}`,
    '---',
    '',
    `# Annotations · ${scope}`,
  ];
  if (!chosen.length) out.push('', '_No annotations yet._');
  let currentNote: string | null = null;
  for (const annotation of chosen) {
    if (annotation.notePath !== currentNote) {
      currentNote = annotation.notePath;
      out.push('', `## ${wikiLink(currentNote, null)}`);
    }
    out.push('', annotationToCallout(annotation));
  }
  return `${out.join('\n')}\n`;
}

/** A file name for an export: `Annotations - Volumes.md` or `Annotations - <vault>.md`. */
export function exportFileName(vaultName: string, notePath?: string): string {
  const base = notePath ? (linkTargetOf(notePath).split('/').pop() ?? 'note') : vaultName;
  return `Annotations - ${base.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'vault'}.md`;
}
