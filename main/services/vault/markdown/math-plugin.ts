import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';
import { texToHtml } from './tex-render';

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The first `$` from `from` on (before `max`) that no backslash escapes, or -1. */
function nextDollar(src: string, from: number, max: number): number {
  for (let at = from; at < max; at++) {
    const code = src.charCodeAt(at);
    if (code === BACKSLASH) at++;
    else if (code === DOLLAR) return at;
  }
  return -1;
}

/** The first unescaped `$$` from `from` on (before `max`), or -1. */
function nextDoubleDollar(src: string, from: number, max: number): number {
  for (let at = nextDollar(src, from, max); at >= 0; at = nextDollar(src, at + 1, max)) {
    if (at + 1 < max && src.charCodeAt(at + 1) === DOLLAR) return at;
  }
  return -1;
}

/**
 * `$inline$` and `$$display$$` inside a line, by Obsidian's rule: the opening `$` is not followed
 * by a space, the first unescaped `$` after it closes, and only when it is not preceded by a space
 * nor followed by a digit; otherwise the `$` is text (so "costs $5 and $10" stays prose). `\$` is
 * markdown-it's escape, handled before this rule.
 */
function mathInlineRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  const max = state.posMax;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const open = display ? 2 : 1;
  const first = src.charCodeAt(pos + open);
  if (Number.isNaN(first) || pos + open >= max || first === DOLLAR) return false;
  let end: number;
  if (display) {
    end = nextDoubleDollar(src, pos + open, max);
    if (end < 0 || src.slice(pos + open, end).trim() === '') return false;
  } else {
    if (isSpace(first)) return false;
    end = nextDollar(src, pos + open, max);
    if (end < 0 || isSpace(src.charCodeAt(end - 1)) || isDigit(src.charCodeAt(end + 1))) return false;
  }
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.content = src.slice(pos + open, end);
    token.markup = display ? '$$' : '$';
  }
  state.pos = end + open;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line] ?? 0);
}

/**
 * A `$$` block: `$$…$$` alone on its line, or `$$` opening lines up to the line with the closing
 * `$$` (what follows it on that line is dropped, as Obsidian does). An unclosed `$$` is text.
 */
function mathBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const text = lineText(state, startLine);
  if (!text.startsWith('$$')) return false;
  const firstLine = text.slice(2);
  const closeOnFirst = nextDoubleDollar(firstLine, 0, firstLine.length);
  let content: string;
  let last = startLine;
  if (closeOnFirst >= 0) {
    // `$$x$$ and more` is a display formula inside a paragraph (the inline rule's), not a block.
    if (firstLine.slice(closeOnFirst + 2).trim() !== '') return false;
    content = firstLine.slice(0, closeOnFirst);
  } else {
    const lines = [firstLine];
    for (last = startLine + 1; last < endLine; last++) {
      const next = lineText(state, last);
      if (next && (state.sCount[last] ?? 0) < state.blkIndent) return false;
      const close = nextDoubleDollar(next, 0, next.length);
      if (close >= 0) {
        lines.push(next.slice(0, close));
        break;
      }
      lines.push(next);
    }
    if (last >= endLine) return false;
    content = lines.join('\n');
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.content = content.trim();
  token.markup = '$$';
  token.block = true;
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/**
 * Obsidian's math: `$…$` inline and `$$…$$` display (a block may span lines), typeset to MathML
 * by KaTeX (see `tex-render.ts`), which loads only when a note has a formula.
 */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInlineRule);
  md.block.ruler.before('fence', 'math_block', mathBlockRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.math_inline = (tokens, idx) => {
    const token = tokens[idx];
    return texToHtml(token?.content ?? '', token?.markup === '$$' ? 'display-inline' : 'inline');
  };
  md.renderer.rules.math_block = (tokens, idx) => `${texToHtml(tokens[idx]?.content ?? '', 'block')}\n`;
}
