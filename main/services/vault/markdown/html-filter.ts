import { classifyUrl } from './link-policy-plugin';
import { escapeHtml } from './html-escape';
import { noteSanitizePolicy } from '../../../contract/vault';

const ALLOWED_TAGS = new Set<string>(noteSanitizePolicy.allowedTags);
const ALLOWED_ATTRIBUTES = new Set<string>(noteSanitizePolicy.allowedAttributes);
const URL_ATTRIBUTES = new Set(['href', 'src']);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'wbr', 'col']);
/** Elements whose content is code or data, never text to show: dropped with their content. */
const DROP_WITH_CONTENT = /<(script|style|template|iframe|object|embed|noscript|textarea|title|xmp|noembed|noframes|svg|math)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Math.min(Number(dec), 0x10ffff)))
    .replace(/&(colon|tab|newline|amp|quot|apos|lt|gt);/gi, (_m, name: string) => ({ colon: ':', tab: '\t', newline: '\n', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' })[name.toLowerCase()] ?? '');
}

/** Maps a relative `src`/`href` written in raw HTML to a vault URL (or null when it names no vault file). */
export type VaultUrlRewriter = (url: string, attribute: 'src' | 'href') => string | null;

function rebuildTag(closing: string, rawName: string, rawAttributes: string, selfClosing: string, rewrite?: VaultUrlRewriter): string | null {
  const name = rawName.toLowerCase();
  if (!ALLOWED_TAGS.has(name)) return null;
  if (closing) return VOID_TAGS.has(name) ? '' : `</${name}>`;
  const kept: string[] = [];
  for (const match of rawAttributes.matchAll(ATTRIBUTE)) {
    const attribute = (match[1] ?? '').toLowerCase();
    const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    const isData = /^data-[a-z0-9_.-]+$/.test(attribute);
    if (!ALLOWED_ATTRIBUTES.has(attribute) && !isData && !/^aria-[a-z]+$/.test(attribute)) continue;
    if (attribute === 'target' || attribute === 'rel') continue;
    if (URL_ATTRIBUTES.has(attribute)) {
      const kind = classifyUrl(value);
      if (kind === 'blocked') continue;
      if (kind === 'data-image' && name !== 'img') continue;
      if (kind === 'external' && attribute === 'src') {
        kept.push(` data-remote-src="${escapeHtml(value)}"`);
        continue;
      }
      if (kind === 'internal' && rewrite) {
        const rewritten = rewrite(value, attribute as 'src' | 'href');
        if (rewritten !== null) {
          kept.push(` ${attribute}="${escapeHtml(rewritten)}"`);
          continue;
        }
        if (attribute === 'src') {
          kept.push(` data-missing-src="${escapeHtml(value)}" alt="Missing attachment: ${escapeHtml(value)}"`);
          continue;
        }
      }
    }
    if (name === 'input' && attribute === 'type') continue;
    kept.push(` ${attribute}="${escapeHtml(value)}"`);
  }
  if (name === 'input') kept.push(' type="checkbox" disabled');
  if (name === 'a' && kept.some((attr) => /^ href="(?:https?|mailto):/i.test(attr))) kept.push(' target="_blank" rel="noopener noreferrer nofollow" class="external-link"');
  return `<${name}${kept.join('')}${selfClosing && VOID_TAGS.has(name) ? '' : ''}>`;
}

/**
 * Filters raw HTML from a note without a DOM: every tag is rebuilt from the allowlist (name,
 * attributes, URL policy) and every other `<` is escaped, so the output can only contain tags
 * Berth wrote. Scripts, styles, frames, SVG and MathML are dropped with their content. The
 * reader sanitizes again with DOMPurify; export and small notes also go through DOMPurify here.
 */
export function filterRawHtml(html: string, rewrite?: VaultUrlRewriter): string {
  const withoutCode = html.replace(DROP_WITH_CONTENT, '').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  let out = '';
  let last = 0;
  for (const match of withoutCode.matchAll(TAG)) {
    out += withoutCode.slice(last, match.index).replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const rebuilt = rebuildTag(match[1] ?? '', match[2] ?? '', match[3] ?? '', match[4] ?? '', rewrite);
    out += rebuilt ?? '';
    last = match.index + match[0].length;
  }
  out += withoutCode.slice(last).replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return out;
}
