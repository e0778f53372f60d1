/**
 * What rendered note HTML may contain. The main process and the renderer sanitize with the
 * same allowlist (the renderer again, as defence in depth).
 */
export const NOTE_ALLOWED_TAGS = [
  'a', 'abbr', 'audio', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  'var', 'video', 'wbr', 'center', 'font',
];

export const NOTE_ALLOWED_ATTRIBUTES = [
  'href', 'src', 'alt', 'title', 'width', 'height', 'class', 'id', 'colspan', 'rowspan', 'align', 'valign',
  'type', 'checked', 'disabled', 'open', 'start', 'reversed', 'role', 'tabindex', 'loading', 'controls',
  'target', 'rel', 'datetime', 'lang', 'dir', 'color', 'scope', 'aria-hidden', 'aria-label',
];

/** Link and source URLs that survive sanitizing: http(s), mailto, the vault protocol, and relative ones. */
export const NOTE_ALLOWED_URI = /^(?:(?:https?|mailto|berth-vault):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
