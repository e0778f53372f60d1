/**
 * Blocks of text and internal links, parsed without DOMPurify (issue 13): a note of 20,000
 * wikilinks is 4.5 MB of link markup, and walking it through the sanitiser took about a second.
 * Only HTML in a strict grammar qualifies: what the main process renders for headings,
 * paragraphs and lists of text, emphasis, code and internal links, with the exact tags,
 * attribute names and value shapes it emits (no markup characters in values, links only to
 * `#anchors` or `/vault-file/`). Every such element and attribute is one the sanitiser keeps
 * unchanged (`link-blocks.test.ts` checks it against DOMPurify); anything else returns null and
 * goes through the sanitiser.
 */

/**
 * An attribute value without markup characters, only the entities the main process writes, and
 * no space at either end (the sanitiser trims values).
 */
const VALUE = /^(?!\s)(?:[^"<>&]|&(?:amp|quot|#39);)*(?<!\s)$/;
/** Text without markup: `<` and `>` only escaped, `&` only as an entity the main process writes. */
const TEXT = /(?:[^<>&]|&(?:amp|lt|gt|quot|#39);)*/y;
const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z][a-z-]*="[^"<>]*")*)>/y;
const ATTRIBUTE = / ([a-z][a-z-]*)="([^"<>]*)"/g;

type Check = RegExp | ((value: string) => boolean);

const LINK_CLASSES = new Set(['internal-link', 'internal-link is-unresolved', 'internal-link is-missing-heading', 'internal-link attachment-link']);
const HEADING: Record<string, Check> = { id: /^h-[^\s"<>&]*$/, 'data-heading': VALUE };
const NONE: Record<string, Check> = {};

/** The attributes each tag may carry, and the shape of their values. */
const ATTRIBUTES: Record<string, Record<string, Check>> = {
  a: {
    class: (value) => LINK_CLASSES.has(value),
    href: /^(?:#|\/vault-file\/)[^\s"<>&]*$/,
    'data-href': VALUE,
    'data-note-path': VALUE,
    'data-anchor': VALUE,
    'data-vault-path': VALUE,
    'data-unresolved-target': VALUE,
    title: VALUE,
    role: /^link$/,
    tabindex: /^0$/,
  },
  h1: HEADING, h2: HEADING, h3: HEADING, h4: HEADING, h5: HEADING, h6: HEADING,
  li: { 'data-line': /^[0-9]{1,9}$/ },
  p: NONE, ul: NONE, ol: NONE, strong: NONE, em: NONE, code: NONE, br: NONE,
};

const INLINE = new Set(['a', 'strong', 'em', 'code', 'br']);
const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol']);

/** Whether `child` may open inside `parent` ('' is the chunk itself). */
function mayContain(parent: string, child: string, inLink: boolean): boolean {
  if (child === 'a' && inLink) return false;
  if (parent === '') return BLOCKS.has(child);
  if (parent === 'ul' || parent === 'ol') return child === 'li';
  if (parent === 'li') return INLINE.has(child) || child === 'p' || child === 'ul' || child === 'ol';
  if (parent === 'code') return false;
  return INLINE.has(child);
}

function attributesFit(tag: string, text: string): boolean {
  const allowed = ATTRIBUTES[tag];
  if (!allowed) return false;
  const seen = new Set<string>();
  for (const [, name = '', value = ''] of text.matchAll(ATTRIBUTE)) {
    const check = allowed[name];
    if (!check || seen.has(name)) return false;
    seen.add(name);
    if (typeof check === 'function' ? !check(value) : !check.test(value)) return false;
  }
  return true;
}

/** Whether `html` is made of the blocks this fast path knows, properly nested and closed. */
export function isLinkBlocks(html: string): boolean {
  const open: string[] = [];
  let links = 0;
  let at = 0;
  while (at < html.length) {
    TEXT.lastIndex = at;
    TEXT.test(html);
    const textEnd = TEXT.lastIndex;
    const parent = open[open.length - 1] ?? '';
    // Between blocks and list items only line breaks, as the main process writes them.
    if (textEnd > at && (parent === '' || parent === 'ul' || parent === 'ol') && !/^\n*$/.test(html.slice(at, textEnd))) return false;
    at = textEnd;
    if (at >= html.length) break;
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) return false;
    at = TAG.lastIndex;
    const [, closing, name = '', attributes = ''] = tag;
    if (closing) {
      if (attributes || open.pop() !== name) return false;
      if (name === 'a') links--;
      continue;
    }
    if (!mayContain(parent, name, links > 0) || !attributesFit(name, attributes)) return false;
    if (name === 'br') continue;
    open.push(name);
    if (name === 'a') links++;
  }
  return open.length === 0;
}

/**
 * The nodes of a chunk of a long note's HTML (see `vault.readNoteRest`) parsed in a template
 * (inert: nothing runs or loads), when the chunk is in the grammar above; null for anything
 * else, which goes through the sanitiser.
 */
export function linkBlocksFragment(html: string): DocumentFragment | null {
  if (!isLinkBlocks(html)) return null;
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}
