// Plain data, no schemas: the renderer imports this without building the contract's zod schemas.

/**
 * What rendered note HTML may contain. The main process sanitizes with it (DOMPurify over
 * jsdom) and the reader sanitizes again with it before inserting (defence in depth).
 */
export const noteSanitizePolicy = {
  allowedTags: [
    'a', 'abbr', 'audio', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
    'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
    'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span',
    'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
    'var', 'video', 'wbr', 'center', 'font',
  ],
  allowedAttributes: [
    'href', 'src', 'alt', 'title', 'width', 'height', 'class', 'id', 'colspan', 'rowspan', 'align', 'valign',
    'type', 'checked', 'disabled', 'open', 'start', 'reversed', 'role', 'tabindex', 'loading', 'controls',
    'target', 'rel', 'datetime', 'lang', 'dir', 'color', 'scope', 'aria-hidden', 'aria-label',
  ],
  /**
   * The MathML elements KaTeX writes for a formula (`output: 'mathml'`; not `mglyph`, its
   * `\includegraphics`, which needs trust). Allowed in the rendered note, never in a note's own
   * raw HTML: the main process's raw-HTML filter drops `<math>` with its content.
   */
  mathTags: [
    'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'mtext', 'mspace', 'msup', 'msub', 'msubsup',
    'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded',
    'mphantom', 'menclose',
  ],
  /** The MathML attributes KaTeX writes (never `href`, `src` or `style`), joined to `allowedAttributes` with `mathTags`. */
  mathAttributes: [
    'display', 'encoding', 'mathvariant', 'mathcolor', 'mathbackground', 'mathsize', 'stretchy', 'fence',
    'separator', 'largeop', 'minsize', 'maxsize', 'lspace', 'rspace', 'voffset', 'depth', 'accent', 'accentunder',
    'scriptlevel', 'displaystyle', 'linethickness', 'notation', 'rowspacing', 'columnspacing', 'columnalign',
    'rowlines', 'columnlines', 'linebreak',
  ],
  forbiddenTags: ['style', 'script', 'iframe', 'object', 'embed', 'form', 'svg', 'mglyph', 'maction', 'annotation-xml', 'link', 'meta', 'base', 'template'],
  forbiddenAttributes: ['style', 'srcset', 'action', 'formaction', 'background', 'ping', 'poster'],
  /** http(s), mailto, the Electron vault protocol, and relative URLs. */
  allowedUri: /^(?:(?:https?|mailto|berth-vault):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
} as const;
