/**
 * Heading text as Obsidian compares it in links: markdown formatting removed, the characters
 * Obsidian strips from link subpaths (`# | ^ : % [ ] \` and friends) turned into spaces,
 * whitespace collapsed, case folded.
 */
export function headingKey(text: string): string {
  return headingKeyOfStripped(stripInlineMarkdown(text));
}

/** `headingKey` of text that already went through `stripInlineMarkdown`. */
export function headingKeyOfStripped(stripped: string): string {
  return stripped
    .replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const EMPHASIS_CHAR = /[*_~=]/;
// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Removes inline markdown (emphasis, code ticks, links, wikilinks, highlights) and keeps the words. */
export function stripInlineMarkdown(text: string): string {
  // Each step is skipped when the character its pattern needs is absent (same result, less work).
  let out = text;
  if (out.includes('[[')) {
    out = out.replace(/!?\[\[([^\]|]*?)(?:\s*\|\s*([^\]]*))?\]\]/g, (_m, target: string, alias?: string) =>
      alias ?? target.replace(/#\^?/g, ' '),
    );
  }
  if (out.includes('](')) out = out.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (out.includes('`')) out = out.replace(/`+([^`]*)`+/g, '$1');
  if (EMPHASIS_CHAR.test(out)) out = out.replace(/(\*\*|__|\*|_|~~|==)(?=\S)([\s\S]*?\S)\1/g, '$2');
  if (out.includes('<')) out = out.replace(/<[^>]+>/g, '');
  return out.trim();
}

/** A URL-safe id fragment for a heading, e.g. `Volumes & **binds**` -> `volumes-binds`. */
export function slugOf(text: string): string {
  return slugOfStripped(stripInlineMarkdown(text));
}

/** `slugOf` of text that already went through `stripInlineMarkdown`. */
export function slugOfStripped(stripped: string): string {
  // ASCII text is its own NFKC form, and its letters and digits are exactly a-z and 0-9.
  const ascii = ASCII_ONLY.test(stripped);
  const slug = (ascii ? stripped.toLowerCase().replace(/[^a-z0-9\s_-]/g, '') : stripped.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, ''))
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-');
  return slug || 'section';
}

/** Hands out unique ids within one rendered note (`h-x`, `h-x-1`, ...). */
export class IdAllocator {
  private readonly used = new Map<string, number>();

  /** A unique id for `base` within this allocator. */
  next(base: string): string {
    const count = this.used.get(base);
    if (count === undefined) {
      this.used.set(base, 0);
      return base;
    }
    this.used.set(base, count + 1);
    return `${base}-${count + 1}`;
  }
}

/** The DOM id of a heading in rendered notes: prefixed so it can never clobber app globals. */
export function headingDomId(slug: string): string {
  return `h-${slug}`;
}

/** The DOM id of a block (`^block-id`) in rendered notes. */
export function blockDomId(blockId: string): string {
  return `block-${blockId}`;
}
