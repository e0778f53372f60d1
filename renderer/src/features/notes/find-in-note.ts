/** Class of the highlight put around a search match in the reader. */
export const FIND_MARK_CLASS = 'search-match';

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Finds `query` (case-insensitive, any white space) in the text of `root`, outside embeds and
 * code-less chrome, wraps the first occurrence in `<mark class="search-match">` and returns it.
 * A match that spans several text nodes is marked in its first node only. Returns undefined when
 * the text is not there.
 */
export function markFirstMatch(root: HTMLElement, query: string): HTMLElement | undefined {
  const wanted = normalize(query.trim());
  if (!wanted) return undefined;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.embed-note, .berth-demo-card, [data-annotation-ui], script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  let joined = '';
  const starts: number[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(joined.length);
    joined += node.nodeValue ?? '';
  }
  // Search the folded text, then map the folded offset back to the original one.
  const folded: number[] = [];
  let foldedText = '';
  for (let i = 0; i < joined.length; i++) {
    const char = joined.charAt(i);
    if (/\s/.test(char)) {
      if (foldedText.endsWith(' ')) continue;
      foldedText += ' ';
    } else foldedText += char.toLowerCase();
    folded.push(i);
  }
  const at = foldedText.indexOf(wanted);
  if (at < 0) return undefined;
  const from = folded[at] ?? 0;
  const to = (folded[at + wanted.length - 1] ?? from) + 1;
  let index = 0;
  while (index + 1 < nodes.length && (starts[index + 1] ?? Infinity) <= from) index++;
  const node = nodes[index];
  if (!node) return undefined;
  const offset = from - (starts[index] ?? 0);
  const length = Math.min(to - from, (node.nodeValue ?? '').length - offset);
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + length);
  const mark = document.createElement('mark');
  mark.className = FIND_MARK_CLASS;
  range.surroundContents(mark);
  return mark;
}
