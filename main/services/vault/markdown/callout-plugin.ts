import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { attributes } from './html-escape';

const CALLOUT_MARKER = /^\[!([\w-]+)\]([+-]?)[ \t]*(.*)$/;

/** Callout types Obsidian knows, mapped to the family that decides their colour and icon. */
const CALLOUT_FAMILY: Record<string, string> = {
  note: 'note',
  abstract: 'abstract', summary: 'abstract', tldr: 'abstract',
  info: 'info', todo: 'todo',
  tip: 'tip', hint: 'tip', important: 'tip',
  success: 'success', check: 'success', done: 'success',
  question: 'question', help: 'question', faq: 'question',
  warning: 'warning', caution: 'warning', attention: 'warning',
  failure: 'failure', fail: 'failure', missing: 'failure',
  danger: 'danger', error: 'danger', bug: 'bug',
  example: 'example', quote: 'quote', cite: 'quote',
};

interface CalloutMeta {
  type: string;
  family: string;
  fold: '' | '+' | '-';
}

function findClose(tokens: Token[], openIndex: number): number {
  const level = tokens[openIndex]?.level;
  for (let j = openIndex + 1; j < tokens.length; j++) {
    const token = tokens[j];
    if (token?.type === 'blockquote_close' && token.level === level) return j;
  }
  return -1;
}

function calloutRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open?.type !== 'blockquote_open') continue;
    const paragraph = tokens[i + 1];
    const inline = tokens[i + 2];
    if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    const newline = inline.content.indexOf('\n');
    const firstLine = newline >= 0 ? inline.content.slice(0, newline) : inline.content;
    const match = CALLOUT_MARKER.exec(firstLine.trim());
    if (!match?.[1]) continue;
    const close = findClose(tokens, i);
    if (close < 0) continue;
    const type = match[1].toLowerCase();
    const meta: CalloutMeta = { type, family: CALLOUT_FAMILY[type] ?? 'note', fold: (match[2] ?? '') as CalloutMeta['fold'] };
    const titleText = (match[3] ?? '').trim() || type.charAt(0).toUpperCase() + type.slice(1);
    const rest = newline >= 0 ? inline.content.slice(newline + 1) : '';

    const closeToken = tokens[close];
    if (!closeToken) continue;
    open.type = 'callout_open';
    open.meta = meta;
    closeToken.type = 'callout_close';
    closeToken.meta = meta;

    const titleOpen = new state.Token('callout_title_open', '', 1);
    titleOpen.meta = meta;
    const title = new state.Token('inline', '', 0);
    title.content = titleText;
    title.children = [];
    title.map = inline.map;
    const titleClose = new state.Token('callout_title_close', '', -1);
    titleClose.meta = meta;
    const contentOpen = new state.Token('callout_content_open', '', 1);
    const contentClose = new state.Token('callout_content_close', '', -1);

    tokens.splice(close, 0, contentClose);
    if (rest.trim() === '') {
      tokens.splice(i + 1, 3, titleOpen, title, titleClose, contentOpen);
    } else {
      inline.content = rest;
      tokens.splice(i + 1, 0, titleOpen, title, titleClose, contentOpen);
    }
  }
}

/** Obsidian callouts: `> [!type]± Title`, foldable ones as `<details>`. */
export function calloutPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'callout', calloutRule);
  const rules = md.renderer.rules;
  rules.callout_open = (tokens, idx) => {
    const meta = tokens[idx]?.meta as CalloutMeta;
    const attrs = attributes({ class: 'callout', 'data-callout': meta.type, 'data-callout-family': meta.family, 'data-callout-fold': meta.fold || undefined });
    if (meta.fold === '') return `<div${attrs}>\n`;
    return `<details${attrs}${meta.fold === '+' ? ' open' : ''}>\n`;
  };
  rules.callout_close = (tokens, idx) => ((tokens[idx]?.meta as CalloutMeta).fold === '' ? '</div>\n' : '</details>\n');
  rules.callout_title_open = (tokens, idx) => {
    const meta = tokens[idx]?.meta as CalloutMeta;
    const tag = meta.fold === '' ? 'div' : 'summary';
    return `<${tag} class="callout-title"><span class="callout-icon" aria-hidden="true"></span><span class="callout-title-inner">`;
  };
  rules.callout_title_close = (tokens, idx) => `</span></${(tokens[idx]?.meta as CalloutMeta).fold === '' ? 'div' : 'summary'}>\n`;
  rules.callout_content_open = () => '<div class="callout-content">\n';
  rules.callout_content_close = () => '</div>\n';
}
