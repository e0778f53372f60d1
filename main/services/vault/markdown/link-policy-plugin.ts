import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { parseWikilink } from '../parse-wikilink';
import { attributes, escapeHtml } from './html-escape';
import { filterRawHtml } from './html-filter';
import { asRenderEnv, type RenderEnv } from './render-env';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EXTERNAL_SCHEMES = new Set(['http', 'https', 'mailto']);
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp|svg\+xml);/i;

/** How a link or image URL written in a note is treated. */
export type UrlClass = 'external' | 'internal' | 'anchor' | 'data-image' | 'blocked';

/** Classifies a URL: only http(s)/mailto leave the app; `javascript:`, `file:`, `vbscript:`, `data:` (except images) never work. */
export function classifyUrl(url: string): UrlClass {
  // Browsers ignore control characters and whitespace inside schemes, so must we.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact.startsWith('#')) return 'anchor';
  if (compact.startsWith('//') || compact.startsWith('\\\\') || compact.startsWith('/\\') || compact.startsWith('\\/')) return 'blocked';
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  if (!scheme) return 'internal';
  if (EXTERNAL_SCHEMES.has(scheme)) return 'external';
  if (scheme === 'data' && DATA_IMAGE.test(compact)) return 'data-image';
  return 'blocked';
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function internalParts(href: string) {
  const decoded = safeDecode(href);
  return parseWikilink(decoded.replace(/\|/g, '%7C'));
}

function renderLinkOpen(env: RenderEnv, token: Token): string {
  const href = token.attrGet('href') ?? '';
  const title = token.attrGet('title') ?? undefined;
  const kind = classifyUrl(href);
  if (kind === 'external') {
    return `<a${attributes({ class: 'external-link', href, title, target: '_blank', rel: 'noopener noreferrer nofollow', 'data-external-href': href })}>`;
  }
  if (kind === 'anchor' || kind === 'internal') {
    const parts = internalParts(kind === 'anchor' ? href : href);
    const resolved = env.resolveLink(parts);
    if (resolved.kind === 'note') {
      return `<a${attributes({ class: 'internal-link', href: env.noteHref(resolved.path, resolved.anchor), 'data-note-path': resolved.path, 'data-anchor': resolved.anchor, 'data-href': href, title })}>`;
    }
    if (resolved.kind === 'attachment') {
      return `<a${attributes({ class: 'internal-link attachment-link', href: env.attachmentUrl(resolved.path), 'data-vault-path': resolved.path, 'data-href': href, title })}>`;
    }
    return `<a${attributes({ class: 'internal-link is-unresolved', 'data-unresolved-target': parts.target, 'data-href': href, role: 'link', tabindex: 0, title: title ?? `“${parts.target}” was not found in the vault.` })}>`;
  }
  return `<a${attributes({ class: 'blocked-link', title: 'This link was blocked: only http, https and mailto links open.' })}>`;
}

function renderImage(env: RenderEnv, token: Token, alt: string): string {
  const src = token.attrGet('src') ?? '';
  const title = token.attrGet('title') ?? undefined;
  const kind = classifyUrl(src);
  if (kind === 'data-image') return `<img${attributes({ src, alt, title, class: 'markdown-image' })}>`;
  if (kind === 'external') {
    return `<span${attributes({ class: 'remote-image', 'data-remote-src': src, title: src })}>🖼 Remote image not loaded: ${escapeHtml(alt || src)}</span>`;
  }
  if (kind === 'internal') {
    const resolved = env.resolveLink(internalParts(src.split('#')[0] ?? src));
    if (resolved.kind === 'attachment') {
      return `<img${attributes({ src: env.attachmentUrl(resolved.path), alt, title, class: 'markdown-image', loading: 'lazy', 'data-vault-path': resolved.path })}>`;
    }
    return `<span${attributes({ class: 'embed-missing', 'data-missing-target': safeDecode(src) })}>⚠ Missing attachment: ${escapeHtml(safeDecode(src))}</span>`;
  }
  return `<span class="blocked-image">⛔ Blocked image: ${escapeHtml(alt || 'unsafe source')}</span>`;
}

/** Raw HTML `src`/`href` written relative to the note resolve to vault files, like markdown links. */
function vaultUrlRewriter(env: RenderEnv) {
  return (url: string, attribute: 'src' | 'href'): string | null => {
    if (url.startsWith('#') || url.startsWith('/vault-file/') || url.startsWith('berth-vault:')) return attribute === 'href' ? url : null;
    const resolved = env.resolveLink(internalParts(url.split('#')[0] ?? url));
    if (resolved.kind === 'attachment') return env.attachmentUrl(resolved.path);
    if (resolved.kind === 'note' && attribute === 'href') return env.noteHref(resolved.path, resolved.anchor);
    return null;
  };
}

const INERT_INLINE_TAG = /^<\/?(?:br|wbr|kbd|sub|sup|b|i|em|strong|mark|u|s|small|code)\s*\/?>$/i;

/**
 * True for an inline tag without attributes that can neither run nor load anything (`<br>` in a
 * pasted table, `<kbd>`, `<sub>`…). Notes whose only raw HTML is such tags skip the DOM
 * sanitiser's full pass (jsdom: over a second and ~100 MB on its first use); the tag filter
 * has passed them, and the reader sanitises every chunk again.
 */
export function isInertInlineTag(html: string): boolean {
  return INERT_INLINE_TAG.test(html);
}

/**
 * Link and image policy: markdown links to notes become internal links, external links open
 * outside the app, unsafe schemes are rendered inert, remote images are not fetched.
 */
export function linkPolicyPlugin(md: MarkdownIt): void {
  md.validateLink = (url: string) => classifyUrl(url) !== 'blocked';
  md.renderer.rules.link_open = (tokens, idx, _options, env: unknown) => {
    const token = tokens[idx];
    return token ? renderLinkOpen(asRenderEnv(env), token) : '';
  };
  md.renderer.rules.image = (tokens, idx, options, env: unknown, self) => {
    const token = tokens[idx];
    if (!token) return '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    return renderImage(asRenderEnv(env), token, alt);
  };
  md.renderer.rules.html_block = (tokens, idx, _options, env: unknown) => {
    asRenderEnv(env).flags.hasRawHtml = true;
    return filterRawHtml(tokens[idx]?.content ?? '', vaultUrlRewriter(asRenderEnv(env)));
  };
  md.renderer.rules.html_inline = (tokens, idx, _options, env: unknown) => {
    const content = tokens[idx]?.content ?? '';
    if (!isInertInlineTag(content)) asRenderEnv(env).flags.hasRawHtml = true;
    return filterRawHtml(content, vaultUrlRewriter(asRenderEnv(env)));
  };
}
