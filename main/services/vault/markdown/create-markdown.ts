import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { calloutPlugin } from './callout-plugin';
import { fencePlugin } from './fence-plugin';
import { inlineSyntaxPlugin } from './inline-syntax-plugin';
import { linkPolicyPlugin } from './link-policy-plugin';
import { mathPlugin } from './math-plugin';
import { structurePlugin } from './structure-plugin';
import { wikilinkPlugin } from './wikilink-plugin';
import { lineShiftRule } from '../long-tables';

/** Deepest block nesting rendered; deeper content is cut (markdown-it stops there). */
export const MAX_NESTING = 60;

/**
 * The one markdown-it configuration Berth renders notes with (reader, export, tests):
 * Obsidian flavour (soft line breaks shown, wikilinks, embeds, callouts, highlights, tags,
 * tasks, footnotes, math typeset to MathML, `%%comments%%` removed beforehand), raw HTML passed on to
 * be sanitized.
 */
export function createMarkdown(): MarkdownIt {
  const md: MarkdownIt = new MarkdownIt({ html: true, linkify: true, breaks: true, typographer: false });
  // maxNesting is a real markdown-it option that the type declarations leave out.
  (md.options as { maxNesting?: number }).maxNesting = MAX_NESTING;
  for (const plugin of [linkPolicyPlugin, wikilinkPlugin, inlineSyntaxPlugin, mathPlugin, calloutPlugin, structurePlugin, fencePlugin]) plugin(md);
  // Line numbers of a source parsed with long tables' rows cut out (see long-tables.ts).
  md.core.ruler.after('block', 'line_shift', lineShiftRule);
  (footnote as unknown as (md: MarkdownIt) => void)(md);
  md.renderer.rules.table_open = () => '<div class="table-wrapper"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}
