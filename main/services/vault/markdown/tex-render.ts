import { createRequire } from 'node:module';
import type * as Katex from 'katex';
import { escapeHtml } from './html-escape';

/** Longest formula typeset (characters); a longer one shows as an error with its source. */
export const MAX_TEX_LENGTH = 10_000;

/**
 * KaTeX's settings for notes: MathML only (the reader's CSP forbids the style attributes of its
 * HTML output; Chromium lays out MathML Core itself), no trusted commands (`\href`, `\url`,
 * `\includegraphics`, `\htmlStyle`… show as unsupported), no console warnings for LaTeX-isms,
 * sizes and macro expansion bounded against hostile input. Errors are thrown and caught here so
 * their markup is ours (KaTeX's own error span carries a style attribute).
 */
const OPTIONS: Katex.KatexOptions = {
  output: 'mathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 300,
};

let katex: typeof Katex | null = null;

function loadKatex(): typeof Katex {
  // KaTeX loads at the first formula, not with the renderer: a note without `$` never pays for it.
  katex ??= createRequire(import.meta.url)('katex') as typeof Katex;
  return katex;
}

/** Whether KaTeX has been loaded in this thread (for tests of the lazy load). */
export function katexLoaded(): boolean {
  return katex !== null;
}

function errorText(error: unknown): string {
  if (error instanceof RangeError) return 'This formula nests too deeply to typeset.';
  const raw = (error as { rawMessage?: unknown }).rawMessage;
  const message = typeof raw === 'string' ? raw : error instanceof Error ? error.message : String(error);
  // KaTeX underlines the offending source with combining characters; a tooltip reads better without.
  return `TeX error: ${message.replace(/\u0332/g, '')}`;
}

/** How a formula was written: `$…$`, `$$…$$` inside a line, or a `$$` block of its own. */
export type TexPlacement = 'inline' | 'display-inline' | 'block';

const WRAPPERS: Record<TexPlacement, { tag: string; kind: string; delimiter: string }> = {
  inline: { tag: 'span', kind: 'math-inline', delimiter: '$' },
  'display-inline': { tag: 'span', kind: 'math-block', delimiter: '$$' },
  block: { tag: 'div', kind: 'math-block', delimiter: '$$' },
};

function errorHtml(tex: string, placement: TexPlacement, message: string): string {
  const { tag, kind, delimiter } = WRAPPERS[placement];
  return `<${tag} class="math ${kind} math-error" title="${escapeHtml(message)}">${escapeHtml(`${delimiter}${tex}${delimiter}`)}</${tag}>`;
}

/**
 * A formula as MathML in Berth's wrapper (`.math-inline`, or `.math-block` for display math), with its TeX
 * source in the `<annotation>`. A TeX error shows the source in the error style with the error
 * as its tooltip; it never throws.
 */
export function texToHtml(tex: string, placement: TexPlacement): string {
  const display = placement !== 'inline';
  if (tex.length > MAX_TEX_LENGTH) return errorHtml(tex, placement, `This formula is longer than ${MAX_TEX_LENGTH.toLocaleString('en')} characters and is not typeset.`);
  let markup: string;
  try {
    markup = loadKatex().renderToString(tex, { ...OPTIONS, displayMode: display });
  } catch (error) {
    return errorHtml(tex, placement, errorText(error));
  }
  // KaTeX wraps the <math> in <span class="katex">; ours replaces it. `\fcolorbox` and `\pmb`
  // write a style attribute (its value is escaped, so it has no `"`): dropped, the CSP forbids it.
  const math = markup
    .replace(/^<span class="katex">/, '')
    .replace(/<\/span>$/, '')
    .replace(/ style="[^"]*"/g, '')
    .replace(/ class ="/g, ' class="');
  const { tag, kind } = WRAPPERS[placement];
  return `<${tag} class="math ${kind}">${math}</${tag}>`;
}
