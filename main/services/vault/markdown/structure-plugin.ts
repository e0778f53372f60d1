import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { blockDomId, headingDomId, slugOfStripped, stripInlineMarkdown } from '../heading-key';
import { asRenderEnv } from './render-env';

const BLOCK_ID_AT_END = /(^|\s)\^([A-Za-z0-9-]+)\s*$/;
const TASK_MARKER = /^\[([ xX/\-<>!?*])\][ \t]+/;

/** Heading ids (Obsidian-compatible matching, unique per render) and the outline. */
function headingIds(state: StateCore): void {
  const env = asRenderEnv(state.env);
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    const raw = inline?.content ?? '';
    const text = stripInlineMarkdown(raw);
    const id = headingDomId(env.ids.next(slugOfStripped(text)));
    token.attrSet('id', id);
    token.attrSet('data-heading', text);
    if (!env.embedded) env.headings.push({ level: Number(token.tag.slice(1)), text, id });
  }
}

function openerOf(tokens: Token[], closeIndex: number): Token | undefined {
  const close = tokens[closeIndex];
  if (!close) return undefined;
  for (let j = closeIndex - 1; j >= 0; j--) {
    const token = tokens[j];
    if (token && token.nesting === 1 && token.level === close.level) return token;
  }
  return undefined;
}

/** `^block-id` at the end of a paragraph or list item (or alone after a table/list). */
function blockIds(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline?.type !== 'inline' || !inline.content.includes('^')) continue;
    const children = inline.children ?? [];
    const last = children[children.length - 1];
    if (last?.type !== 'text') continue;
    const match = BLOCK_ID_AT_END.exec(last.content);
    if (!match?.[2]) continue;
    const id = blockDomId(match[2]);
    last.content = last.content.slice(0, match.index + (match[1]?.length ?? 0)).trimEnd();
    const paragraph = tokens[i - 1];
    const onlyId = inline.content.trim() === `^${match[2]}`;
    if (onlyId && paragraph?.type === 'paragraph_open') {
      const previousClose = tokens[i - 2];
      const target = previousClose && previousClose.nesting === -1 ? openerOf(tokens, i - 2) : undefined;
      if (target) {
        target.attrSet('id', id);
        paragraph.hidden = true;
        const paragraphClose = tokens[i + 1];
        if (paragraphClose) paragraphClose.hidden = true;
        inline.children = [];
        continue;
      }
    }
    for (let j = i - 1; j >= 0; j--) {
      const token = tokens[j];
      if (token && token.nesting === 1 && !token.hidden) {
        token.attrSet('id', id);
        break;
      }
    }
  }
}

/** `- [ ] task` / `- [x] done` list items with a read-only checkbox. */
function taskLists(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i];
    const item = tokens[i - 2];
    if (inline?.type !== 'inline' || item?.type !== 'list_item_open' || tokens[i - 1]?.type !== 'paragraph_open') continue;
    const first = inline.children?.[0];
    if (first?.type !== 'text') continue;
    const match = TASK_MARKER.exec(first.content);
    if (!match) continue;
    const mark = match[1] ?? ' ';
    first.content = first.content.slice(match[0].length);
    const checkbox = new state.Token('task_checkbox', 'input', 0);
    checkbox.meta = { checked: mark !== ' ', mark };
    inline.children?.unshift(checkbox);
    item.attrJoin('class', 'task-list-item');
    item.attrSet('data-task', mark);
    const env = asRenderEnv(state.env);
    if (!env.embedded && item.map) item.attrSet('data-line', String(item.map[0] + 1 + (env.lineOffset ?? 0)));
    for (let j = i - 3; j >= 0; j--) {
      const list = tokens[j];
      if (list && (list.type === 'bullet_list_open' || list.type === 'ordered_list_open') && list.level === item.level - 1) {
        if (!list.attrGet('class')?.includes('contains-task-list')) list.attrJoin('class', 'contains-task-list');
        break;
      }
    }
  }
}

/** Heading ids and outline, block ids, task lists. */
export function structurePlugin(md: MarkdownIt): void {
  md.core.ruler.push('heading_ids', headingIds);
  md.core.ruler.push('block_ids', blockIds);
  md.core.ruler.push('task_lists', taskLists);
  md.renderer.rules.task_checkbox = (tokens, idx) => {
    const meta = tokens[idx]?.meta as { checked: boolean; mark: string };
    return `<input class="task-list-item-checkbox" type="checkbox" disabled${meta.checked ? ' checked aria-label="Done"' : ' aria-label="To do"'}> `;
  };
}
