/** A wikilink's parts as Obsidian reads them. */
export interface WikilinkParts {
  /** The note or file named, without subpath; `''` for a link inside the same note (`[[#H]]`). */
  target: string;
  /** Heading path (`[[N#A#B]]` -> `['A', 'B']`); empty when none or when a block is named. */
  headings: string[];
  /** Block id without the caret (`[[N#^abc]]` -> `abc`). */
  blockId?: string;
  /** Text after `|`, trimmed. */
  alias?: string;
  /** Image size from `|300` or `|300x200` on embeds. */
  width?: number;
  height?: number;
}

/**
 * Parses the inside of `[[...]]`. Tolerates spaces around `#` and `|`, and the `\|` that
 * Obsidian users write inside tables.
 */
export function parseWikilink(inner: string): WikilinkParts {
  const raw = inner.includes('\\') ? inner.replace(/\\\|/g, '|') : inner;
  const pipe = raw.indexOf('|');
  const linkPart = pipe >= 0 ? raw.slice(0, pipe) : raw;
  const aliasRaw = pipe >= 0 ? raw.slice(pipe + 1).trim() : undefined;

  const hash = linkPart.indexOf('#');
  const target = (hash >= 0 ? linkPart.slice(0, hash) : linkPart).trim();
  const subpath = hash >= 0 ? linkPart.slice(hash + 1) : '';
  const parts: WikilinkParts = { target, headings: [] };

  if (hash >= 0) {
    const pieces = subpath
      .split('#')
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '');
    const first = pieces[0];
    if (first?.startsWith('^')) {
      parts.blockId = first.slice(1).trim();
    } else {
      parts.headings = pieces;
    }
  }

  if (aliasRaw !== undefined && aliasRaw !== '') {
    const size = /^(\d{1,5})(?:\s*x\s*(\d{1,5}))?$/i.exec(aliasRaw);
    if (size?.[1]) {
      parts.width = Number(size[1]);
      if (size[2]) parts.height = Number(size[2]);
    }
    parts.alias = aliasRaw;
  }
  return parts;
}

/** What a link shows when it has no alias: `Note`, `Note > Heading`, `Heading` for `[[#Heading]]`. */
export function defaultLinkText(parts: WikilinkParts): string {
  const name = parts.target.slice(parts.target.lastIndexOf('/') + 1);
  const shownName = name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
  if (parts.blockId === undefined && parts.headings.length === 0) return shownName;
  const subpath = parts.blockId !== undefined ? [`^${parts.blockId}`] : parts.headings;
  return [shownName, ...subpath].filter((piece) => piece !== '').join(' > ');
}
