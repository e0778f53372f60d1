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

const HEADING = /^H[1-6]$/;

/** Text nodes and elements, none inside a skipped element (its whole subtree is passed over). */
function acceptNode(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
  return (node as Element).matches(SKIP_SELECTOR) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
}

/** The text of a note with nothing to skip: a walk without a filter (no script call per node of a 400,000-cell table). */
function readAllText(body: HTMLElement): TextModel {
  const nodes: TextModel['nodes'] = [];
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, start: length });
    parts.push(node.data);
    length += node.data.length;
  }
  const startOf = new Map(nodes.map((entry) => [entry.node, entry.start]));
  const headings: RenderedText['headings'] = [];
  for (const heading of body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    const first = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT).nextNode();
    const offset = first ? startOf.get(first as Text) : undefined;
    if (offset === undefined) continue;
    headings.push({ offset, text: (heading.textContent ?? '').trim().slice(0, 300), level: Number(heading.tagName.slice(1)) });
  }
  return { text: parts.join(''), headings, nodes };
}

/** Reads the text of a rendered note (`.note-body`) with its headings' offsets. */
export function readTextModel(body: HTMLElement): TextModel {
  const nodes: TextModel['nodes'] = [];
  const headings: RenderedText['headings'] = [];
  if (body.closest(SKIP_SELECTOR)) return { text: '', headings, nodes };
  if (!body.querySelector(SKIP_SELECTOR)) return readAllText(body);
  // One walk over elements and text (a long note has 100,000 text nodes): headings are met in order.
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, { acceptNode });
  let text = '';
  let heading: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      if (HEADING.test((node as Element).tagName)) heading = node as Element;
      continue;
    }
    const textNode = node as Text;
    if (heading) {
      if (heading.contains(textNode)) headings.push({ offset: text.length, text: (heading.textContent ?? '').trim().slice(0, 300), level: Number(heading.tagName.slice(1)) });
      heading = null;
    }
    nodes.push({ node: textNode, start: text.length });
    text += textNode.data;
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
