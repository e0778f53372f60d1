/**
 * Elements inside the rendered note whose text is not the student's: Berth's own UI (marked
 * `data-annotation-ui`, the annotations convention) and demo cards with their live output.
 */
export const NOT_NOTE_TEXT =
  '[data-annotation-ui], .berth-demo-card, .berth-suggestion, .berth-flag';

interface CharMap {
  /** The note's text, lower-cased, with every run of white space as one space. */
  text: string;
  /** For each character of `text`, the text node and offset it came from. */
  origin: Array<{ node: Text; offset: number }>;
}

const QUOTES: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '\u00a0': ' ',
};

function fold(char: string): string {
  return QUOTES[char] ?? char.toLowerCase();
}

/** Folds text the same way `readChars` folds the note (case, quotes, white space). */
export function foldText(text: string): string {
  return [...text.trim()].map(fold).join('').replace(/\s+/g, ' ');
}

/** Removes the Markdown a plain-text sentence may still carry (`**bold**`, `` `code` ``, links). */
export function stripMarkdown(text: string): string {
  return text
    .replace(
      /!?\[\[([^\]|]+)\|?([^\]]*)\]\]/g,
      (_m, target: string, alias: string) => alias || target,
    )
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]{1,3}/g, '')
    .replace(/^\s*(?:[-+*>]|\d+[.)])\s+/, '');
}

const BLOCK = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, pre, blockquote, figcaption, div';

function readChars(body: HTMLElement): CharMap {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(NOT_NOTE_TEXT)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  const origin: CharMap['origin'] = [];
  let block: Element | null | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    // A new paragraph or cell reads as a space, the way the sentence would.
    const nodeBlock = node.parentElement?.closest(BLOCK);
    if (block !== undefined && nodeBlock !== block && text && !text.endsWith(' ')) {
      text += ' ';
      origin.push({ node, offset: 0 });
    }
    block = nodeBlock;
    for (let i = 0; i < data.length; i++) {
      const char = fold(data[i] ?? '');
      if (/\s/.test(char)) {
        if (text.endsWith(' ') || text === '') continue;
        text += ' ';
      } else {
        text += char;
      }
      origin.push({ node, offset: i });
    }
  }
  return { text, origin };
}

function rangeOf(map: CharMap, start: number, end: number): Range | null {
  const first = map.origin[start];
  const last = map.origin[end - 1];
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, Math.min(last.offset + 1, last.node.data.length));
  return range;
}

/**
 * Finds a sentence of the note in its rendered DOM, as a Range over the note's own text (never
 * inside Berth's cards). Tolerates case, curly quotes, white space and leftover Markdown; when the
 * sentence was edited since, a distinctive start of it is enough (the range then runs to the end
 * of that sentence). Null when the note no longer says it.
 */
export function findSentence(body: HTMLElement, sentence: string): Range | null {
  const map = readChars(body);
  for (const candidate of [sentence, stripMarkdown(sentence)]) {
    const needle = foldText(candidate).replace(/[\s.!?;:,]+$/, '');
    if (needle.length < 8) continue;
    const at = map.text.indexOf(needle);
    if (at >= 0) {
      // Take the sentence's own full stop along, if it has one.
      const stop = /[.!?]/.test(map.text[at + needle.length] ?? '') ? 1 : 0;
      return rangeOf(map, at, at + needle.length + stop);
    }
  }
  const prefix = foldText(stripMarkdown(sentence)).slice(0, 48);
  if (prefix.length < 24) return null;
  const at = map.text.indexOf(prefix);
  if (at < 0) return null;
  const rest = map.text.slice(at + prefix.length);
  const stop = rest.search(/[.!?](?:\s|$)/);
  const end = at + prefix.length + (stop >= 0 ? stop + 1 : Math.min(rest.length, 200));
  return rangeOf(map, at, end);
}
