import DOMPurify from 'dompurify';
import { noteSanitizePolicy } from '@contract/note-sanitize-policy';

const EXTERNAL = /^(?:https?|mailto):/i;
let hooked = false;

function addHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    const tag = element.tagName?.toLowerCase();
    if (tag === 'a' && element.hasAttribute('href')) {
      const href = element.getAttribute('href') ?? '';
      if (EXTERNAL.test(href)) {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer nofollow');
      } else if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('berth-vault:')) {
        element.removeAttribute('href');
      }
    }
    if ((tag === 'img' || tag === 'audio' || tag === 'video') && /^(?:https?:)?\/\//i.test(element.getAttribute('src') ?? '')) {
      element.setAttribute('data-remote-src', element.getAttribute('src') ?? '');
      element.removeAttribute('src');
    }
    if (tag === 'input') {
      element.setAttribute('type', 'checkbox');
      element.setAttribute('disabled', '');
    }
  });
}

const CONFIG = {
  ALLOWED_TAGS: [...noteSanitizePolicy.allowedTags, ...noteSanitizePolicy.mathTags],
  ALLOWED_ATTR: [...noteSanitizePolicy.allowedAttributes, ...noteSanitizePolicy.mathAttributes],
  FORBID_TAGS: [...noteSanitizePolicy.forbiddenTags],
  FORBID_ATTR: [...noteSanitizePolicy.forbiddenAttributes],
  ALLOWED_URI_REGEXP: noteSanitizePolicy.allowedUri,
  ALLOW_DATA_ATTR: true,
};

/** Sanitizes note HTML again in the renderer, with the same allowlist as the main process. */
export function sanitizeNote(html: string): string {
  addHooks();
  return DOMPurify.sanitize(html, CONFIG);
}

/**
 * `sanitizeNote` answering the sanitized nodes themselves: no HTML string written out and parsed
 * again (half the work on a long note's chunks).
 */
export function sanitizeNoteFragment(html: string): DocumentFragment {
  addHooks();
  return DOMPurify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
