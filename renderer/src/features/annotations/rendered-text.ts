import type { RenderedText } from '@contract';

/**
 * Elements inside the note whose text is not part of the note: our own UI, and demo cards (the
 * demos feature fills them with live output, which must not move the annotations around them).
 */
export const SKIP_SELECTOR = '[data-annotation-ui], .berth-demo-card';

/** The note's rendered text and where each text node starts in it. */
export interface TextModel extends RenderedText {
  nodes: Array<{ node: Text; start: number }>;
}

function acceptNode(node: Node): number {
  return node.parentElement?.closest(SKIP_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
}

/** Reads the text of a rendered note (`.note-body`) with its headings' offsets. */
export function readTextModel(body: HTMLElement): TextModel {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, { acceptNode });
  const nodes: TextModel['nodes'] = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const textNode = node as Text;
    nodes.push({ node: textNode, start: text.length });
    text += textNode.data;
  }
  const headings: RenderedText['headings'] = [];
  for (const heading of body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    const first = nodes.find((entry) => heading.contains(entry.node));
    if (!first) continue;
    headings.push({ offset: first.start, text: (heading.textContent ?? '').trim().slice(0, 300), level: Number(heading.tagName.slice(1)) });
  }
  return { text, headings, nodes };
}

/** Text offset of a DOM boundary point (as in a Range) inside the model, or -1 outside it. */
export function offsetOf(model: TextModel, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const entry = model.nodes.find((n) => n.node === container);
    return entry ? entry.start + Math.min(offset, entry.node.data.length) : -1;
  }
  // An element boundary: the first text node at or after the child at `offset`.
  const child = container.childNodes[offset];
  for (const entry of model.nodes) {
    if (child) {
      const position = child.compareDocumentPosition(entry.node);
      if (child === entry.node || position & Node.DOCUMENT_POSITION_FOLLOWING || position & Node.DOCUMENT_POSITION_CONTAINED_BY) return entry.start;
    } else if (container.compareDocumentPosition(entry.node) & Node.DOCUMENT_POSITION_FOLLOWING) {
      return entry.start;
    }
  }
  return model.text.length;
}

/** The selection as offsets into the model, or null when it is empty or not inside the note. */
export function selectionOffsets(model: TextModel, body: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.commonAncestorContainer)) return null;
  const start = offsetOf(model, range.startContainer, range.startOffset);
  const end = offsetOf(model, range.endContainer, range.endOffset);
  if (start < 0 || end <= start) return null;
  if (!model.text.slice(start, end).trim()) return null;
  return { start, end };
}
