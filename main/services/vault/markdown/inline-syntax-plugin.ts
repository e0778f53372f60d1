import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';
import { attributes, escapeHtml } from './html-escape';

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

/** `==highlight==`, with markdown allowed inside. */
function markRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x3d || src.charCodeAt(pos + 1) !== 0x3d) return false;
  const first = src.charCodeAt(pos + 2);
  if (Number.isNaN(first) || first === 0x3d || isSpace(first)) return false;
  const end = src.indexOf('==', pos + 3);
  if (end < 0 || end >= state.posMax || isSpace(src.charCodeAt(end - 1))) return false;
  if (!silent) {
    state.push('mark_open', 'mark', 1);
    const oldMax = state.posMax;
    state.pos = pos + 2;
    state.posMax = end;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push('mark_close', 'mark', -1);
  }
  state.pos = end + 2;
  return true;
}

const TAG_BODY = /^[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*/u;

/** `#tag` and `#nested/tag` (not `#123`, not inside words). */
function tagRule(state: StateInline, silent: boolean): boolean {
  const pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x23) return false;
  if (pos > 0 && !/[\s(,;]/.test(state.src.charAt(pos - 1))) return false;
  const match = TAG_BODY.exec(state.src.slice(pos + 1, Math.min(state.posMax, pos + 200)));
  if (!match) return false;
  const tag = match[0].replace(/\/+$/, '');
  if (!tag) return false;
  if (!silent) {
    const token = state.push('tag', '', 0);
    token.content = tag;
  }
  state.pos = pos + 1 + tag.length;
  return true;
}

/** `$inline math$` and `$$display$$` on one line: shown as code. */
function mathInlineRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x24) return false;
  const display = src.charCodeAt(pos + 1) === 0x24;
  const open = display ? 2 : 1;
  const first = src.charCodeAt(pos + open);
  if (Number.isNaN(first) || isSpace(first) || first === 0x24) return false;
  const end = src.indexOf(display ? '$$' : '$', pos + open + 1);
  if (end < 0 || end >= state.posMax) return false;
  if (!display) {
    if (isSpace(src.charCodeAt(end - 1))) return false;
    const after = src.charCodeAt(end + 1);
    if (after >= 0x30 && after <= 0x39) return false;
  }
  if (!silent) {
    const token = state.push('math_inline', 'code', 0);
    token.content = src.slice(pos + open, end);
    token.markup = display ? '$$' : '$';
  }
  state.pos = end + open;
  return true;
}

/** A `$$` block spanning lines. */
function mathBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const max = state.eMarks[startLine] ?? 0;
  if (state.src.slice(start, start + 2) !== '$$') return false;
  const firstLine = state.src.slice(start + 2, max);
  if (firstLine.trim().endsWith('$$')) {
    if (silent) return true;
    const token = state.push('math_block', 'div', 0);
    token.content = firstLine.trim().slice(0, -2);
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  }
  let line = startLine + 1;
  const lines = [firstLine];
  for (; line < endLine; line++) {
    const text = state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line] ?? 0);
    const close = text.indexOf('$$');
    if (close >= 0) {
      lines.push(text.slice(0, close));
      break;
    }
    lines.push(text);
  }
  if (line >= endLine) return false;
  if (silent) return true;
  const token = state.push('math_block', 'div', 0);
  token.content = lines.join('\n').trim();
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

/** Highlights, tags and math (shown as code). */
export function inlineSyntaxPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'mark', markRule);
  md.inline.ruler.after('mark', 'tag', tagRule);
  md.inline.ruler.after('escape', 'math_inline', mathInlineRule);
  md.block.ruler.before('fence', 'math_block', mathBlockRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.renderer.rules.tag = (tokens, idx) => {
    const tag = tokens[idx]?.content ?? '';
    return `<a${attributes({ class: 'tag', href: `#tag:${tag}`, 'data-tag': tag })}>#${escapeHtml(tag)}</a>`;
  };
  md.renderer.rules.math_inline = (tokens, idx) => `<code class="math math-inline">${escapeHtml(tokens[idx]?.content ?? '')}</code>`;
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="math math-block"><pre><code>${escapeHtml(tokens[idx]?.content ?? '')}</code></pre></div>\n`;
}
