import type MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';
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

/** Highlights and tags (math is `math-plugin.ts`). */
export function inlineSyntaxPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'mark', markRule);
  md.inline.ruler.after('mark', 'tag', tagRule);
  md.renderer.rules.tag = (tokens, idx) => {
    const tag = tokens[idx]?.content ?? '';
    return `<a${attributes({ class: 'tag', href: `#tag:${tag}`, 'data-tag': tag })}>#${escapeHtml(tag)}</a>`;
  };
}
