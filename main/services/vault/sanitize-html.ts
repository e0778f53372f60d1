import { createRequire } from 'node:module';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import type * as Jsdom from 'jsdom';
import { classifyUrl } from './markdown/link-policy-plugin';
import { NOTE_ALLOWED_ATTRIBUTES, NOTE_ALLOWED_TAGS, NOTE_ALLOWED_URI, NOTE_FORBIDDEN_ATTRIBUTES, NOTE_FORBIDDEN_TAGS } from './sanitize-policy';

let purifier: DOMPurify | null = null;

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  // jsdom loads on the first note sanitized here, not at start: importing it takes a large part
  // of a cold start (and tens of MB) before the app's address is printed.
  const { JSDOM } = createRequire(import.meta.url)('jsdom') as typeof Jsdom;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const tag = element.tagName?.toLowerCase();
    if (tag === 'a' && element.hasAttribute('href')) {
      const kind = classifyUrl(element.getAttribute('href') ?? '');
      if (kind === 'external') {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer nofollow');
        if (!element.classList.contains('external-link')) element.classList.add('external-link');
        element.setAttribute('data-external-href', element.getAttribute('href') ?? '');
      } else if (kind === 'blocked' || kind === 'data-image') {
        element.removeAttribute('href');
        element.classList.add('blocked-link');
      }
    }
    if ((tag === 'img' || tag === 'audio' || tag === 'video') && element.hasAttribute('src')) {
      const src = element.getAttribute('src') ?? '';
      const kind = classifyUrl(src);
      const allowed = kind === 'internal' || (kind === 'data-image' && tag === 'img') || src.startsWith('berth-vault:');
      if (!allowed) {
        element.removeAttribute('src');
        element.setAttribute('data-remote-src', src);
        element.classList.add('remote-image');
      }
    }
    if (tag === 'input') {
      element.setAttribute('type', 'checkbox');
      element.setAttribute('disabled', '');
    }
    if (element.hasAttribute('target') && tag !== 'a') element.removeAttribute('target');
  });
  purifier = purify;
  return purify;
}

/**
 * Sanitizes rendered note HTML with DOMPurify (over jsdom) and Berth's allowlist: no scripts,
 * no event handlers, no styles, no inline SVG, MathML only as KaTeX writes it, no forms or frames; URLs allowlisted; remote
 * media is not loaded.
 */
export function sanitizeNoteHtml(html: string): string {
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS: NOTE_ALLOWED_TAGS,
    ALLOWED_ATTR: NOTE_ALLOWED_ATTRIBUTES,
    ALLOWED_URI_REGEXP: NOTE_ALLOWED_URI,
    ALLOW_DATA_ATTR: true,
    ALLOW_ARIA_ATTR: true,
    KEEP_CONTENT: true,
    FORBID_TAGS: NOTE_FORBIDDEN_TAGS,
    FORBID_ATTR: NOTE_FORBIDDEN_ATTRIBUTES,
  });
}
