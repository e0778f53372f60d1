import type MarkdownIt from 'markdown-it';
import type { StateCore, StateInline, Token } from 'markdown-it';
import { unresolvedLinkTitle } from '../../../contract/link-tooltips';
import { defaultLinkText, parseWikilink, type WikilinkParts } from '../parse-wikilink';
import { ATTACHMENT_EXTENSIONS, extensionOf, IMAGE_EXTENSIONS, noteNameOf } from '../vault-paths';
import { attributes, escapeHtml } from './html-escape';
import { asRenderEnv, type RenderEnv } from './render-env';

function wikilinkRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  let pos = state.pos;
  const embed = src.charCodeAt(pos) === 0x21; /* ! */
  if (embed) pos++;
  if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x5b) return false;
  const start = pos + 2;
  const end = src.indexOf(']]', start);
  if (end < 0 || end > state.posMax) return false;
  const inner = src.slice(start, end);
  if (inner.trim() === '' || inner.includes('\n') || inner.includes('[[')) return false;
  if (!silent) {
    const token = state.push(embed ? 'wikiembed' : 'wikilink', '', 0);
    token.content = inner;
    token.meta = parseWikilink(inner);
  }
  state.pos = end + 2;
  return true;
}

const AUDIO = new Set(['mp3', 'wav', 'ogg', 'm4a', 'flac']);
const VIDEO = new Set(['mp4', 'webm', 'mov', 'mkv']);

/**
 * `<a>` for a resolved or unresolved internal link. An unresolved link carries its tooltip only in
 * a standalone file (`env.linkTooltips`); the reader gives it on hover and focus instead
 * (renderer `link-tooltips.ts`): in a note of 20,000 such links the `title`s were a third of the HTML.
 */
export function renderInternalLink(env: RenderEnv, parts: WikilinkParts, text: string, original: string): string {
  const resolved = env.resolveLink(parts);
  if (resolved.kind === 'missing') {
    return `<a${attributes({
      class: 'internal-link is-unresolved',
      'data-unresolved-target': parts.target,
      'data-href': original,
      title: env.linkTooltips ? unresolvedLinkTitle(parts.target) : undefined,
      role: 'link',
      tabindex: 0,
    })}>${escapeHtml(text)}</a>`;
  }
  if (resolved.kind === 'attachment') {
    return `<a${attributes({
      class: 'internal-link attachment-link',
      href: env.attachmentUrl(resolved.path),
      'data-vault-path': resolved.path,
      'data-href': original,
    })}>${escapeHtml(text)}</a>`;
  }
  return `<a${attributes({
    class: resolved.missingSubpath ? 'internal-link is-missing-heading' : 'internal-link',
    href: env.noteHref(resolved.path, resolved.anchor),
    'data-note-path': resolved.path,
    'data-anchor': resolved.anchor,
    'data-href': original,
    title: resolved.missingSubpath ? 'That heading or block was not found; the link opens the note.' : undefined,
  })}>${escapeHtml(text)}</a>`;
}

function renderEmbed(env: RenderEnv, parts: WikilinkParts, original: string): string {
  const resolved = env.resolveLink(parts);
  if (resolved.kind === 'missing') {
    const ext = extensionOf(parts.target);
    const what = ext && ext !== 'md' ? 'attachment' : 'note';
    return `<span${attributes({ class: 'embed-missing', 'data-missing-target': parts.target, 'data-href': original })}>⚠ Missing ${what}: ${escapeHtml(parts.target)}</span>`;
  }
  if (resolved.kind === 'note') return env.renderNoteEmbed(parts, resolved);
  const ext = extensionOf(resolved.path);
  const url = env.attachmentUrl(resolved.path);
  const name = resolved.path.split('/').pop() ?? resolved.path;
  if (IMAGE_EXTENSIONS.has(ext)) {
    const alt = parts.alias && parts.width === undefined ? parts.alias : noteNameOf(name);
    return `<img${attributes({
      class: 'embed-image',
      src: url,
      alt,
      width: parts.width,
      height: parts.height,
      loading: 'lazy',
      'data-vault-path': resolved.path,
    })}>`;
  }
  if (ext === 'pdf') {
    return `<span${attributes({ class: 'embed-pdf', 'data-vault-path': resolved.path, 'data-src': url })}><a${attributes({
      class: 'internal-link attachment-link',
      href: url,
      'data-vault-path': resolved.path,
    })}>📄 ${escapeHtml(name)}</a></span>`;
  }
  if (AUDIO.has(ext)) return `<audio${attributes({ class: 'embed-audio', controls: 'controls', src: url, 'data-vault-path': resolved.path })}></audio>`;
  if (VIDEO.has(ext)) return `<video${attributes({ class: 'embed-video', controls: 'controls', src: url, 'data-vault-path': resolved.path })}></video>`;
  return `<a${attributes({ class: 'internal-link attachment-link', href: url, 'data-vault-path': resolved.path })}>📎 ${escapeHtml(name)}</a>`;
}

/** A note embed renders block content, so the paragraph around it is dropped (keeping its text). */
function unwrapNoteEmbeds(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 1; i < tokens.length - 1; i++) {
    const inline = tokens[i];
    if (inline?.type !== 'inline' || !inline.children?.some(isNoteEmbed)) continue;
    const open = tokens[i - 1];
    const close = tokens[i + 1];
    if (open?.type === 'paragraph_open' && close?.type === 'paragraph_close') {
      open.hidden = true;
      close.hidden = true;
      inline.children = inline.children.filter((child) => child.type !== 'softbreak' && child.type !== 'hardbreak');
    }
  }
}

function isNoteEmbed(token: Token): boolean {
  if (token.type !== 'wikiembed') return false;
  const ext = extensionOf((token.meta as WikilinkParts).target);
  return ext === '' || ext === 'md' || !ATTACHMENT_EXTENSIONS.has(ext);
}

/** Obsidian wikilinks `[[...]]` and embeds `![[...]]`. */
export function wikilinkPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', wikilinkRule);
  md.core.ruler.after('inline', 'unwrap_note_embeds', unwrapNoteEmbeds);
  md.renderer.rules.wikilink = (tokens: Token[], idx: number, _options, env: unknown) => {
    const token = tokens[idx];
    if (!token) return '';
    const parts = token.meta as WikilinkParts;
    const text = parts.alias ?? defaultLinkText(parts);
    return renderInternalLink(asRenderEnv(env), parts, text, token.content);
  };
  md.renderer.rules.wikiembed = (tokens: Token[], idx: number, _options, env: unknown) => {
    const token = tokens[idx];
    if (!token) return '';
    return renderEmbed(asRenderEnv(env), token.meta as WikilinkParts, token.content);
  };
}
