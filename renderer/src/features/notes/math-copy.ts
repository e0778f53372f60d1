const BLOCK = /^(?:p|div|li|h[1-6]|pre|blockquote|tr|ul|ol|table|section|details|summary|dt|dd|figure|hr)$/;
const FORMULA = '.math:not(.math-error)';

/** A formula as its author wrote it: `$tex$`, or `$$tex$$` for display math. */
function texSource(formula: Element): string {
  const tex = formula.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? formula.textContent ?? '';
  return formula.classList.contains('math-block') ? `$$${tex}$$` : `$${tex}$`;
}

/** Text of copied nodes with a line break around each block (the clipboard's plain text). */
function plainText(root: Node): string {
  let out = '';
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      out += (node as Text).data;
      return;
    }
    if (!(node instanceof Element) && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    const name = node instanceof Element ? node.localName : '';
    if (name === 'br') out += '\n';
    const block = BLOCK.test(name);
    if (block && out && !out.endsWith('\n')) out += '\n';
    node.childNodes.forEach(visit);
    if (block && !out.endsWith('\n')) out += '\n';
  };
  visit(root);
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * The plain text of `range` with every formula it touches as its TeX source between dollars
 * (a formula selected in part counts whole), or null when it touches none (the browser's own
 * copy is right then). The MathML alone would copy as its glyphs run together: `O(n2)`.
 */
export function textWithTex(range: Range): string | null {
  const whole = range.cloneRange();
  const first = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest(FORMULA);
  const last = (range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement)?.closest(FORMULA);
  if (first) whole.setStartBefore(first);
  if (last) whole.setEndAfter(last);
  const copied = whole.cloneContents();
  const formulas = copied.querySelectorAll(FORMULA);
  if (!formulas.length) return null;
  for (const formula of formulas) formula.replaceWith(texSource(formula));
  return plainText(copied);
}

/**
 * Copy handler for a note's text: when the selection holds formulas, the plain text carries
 * their TeX (`$O(n^2)$`) and the HTML their MathML; otherwise the browser copies as usual.
 */
export function copyWithTex(event: ClipboardEvent): void {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !selection.rangeCount || !event.clipboardData) return;
  const range = selection.getRangeAt(0);
  const text = textWithTex(range);
  if (text === null) return;
  const html = document.createElement('div');
  html.append(range.cloneContents());
  event.clipboardData.setData('text/plain', text);
  event.clipboardData.setData('text/html', html.innerHTML);
  event.preventDefault();
}
