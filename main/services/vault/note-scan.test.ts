import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frontmatterAliases, frontmatterTags, splitFrontmatter } from './frontmatter';
import { headingDomId, IdAllocator } from './heading-key';
import { LinkResolver } from './link-resolver';
import { findTags, normalizeTag, scanNote, type ScannedHeading, type ScannedLink, type ScannedNote } from './note-scan';
import { parseWikilink } from './parse-wikilink';
import { renderNote } from './render-note';
import { splitFences, stripComments } from './strip-comments';
import { noteNameOf } from './vault-paths';

// The straightforward scanner `scanNote` replaced (fence chunks re-split, one regex chain per step):
// the fast one must give exactly the same result.
const reference = (() => {
  const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
  const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;
  const MD_LINK = /(!?)\[[^\]\n]*\]\(<?([^)\s>]+?\.md(?:#[^)\s>]*)?)>?(?:\s+"[^"]*")?\)/gi;
  const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/;
  const INLINE_CODE = /`+[^`\n]*`+/g;
  const safeDecode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const stripInline = (text: string) =>
    text
      .replace(/!?\[\[([^\]|]*?)(?:\s*\|\s*([^\]]*))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target.replace(/#\^?/g, ' '))
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/(\*\*|__|\*|_|~~|==)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/<[^>]+>/g, '')
      .trim();
  const key = (text: string) =>
    stripInline(text)
      .replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  const slug = (text: string) =>
    stripInline(text)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-') || 'section';
  const plain = (markdown: string) =>
    markdown
      .replace(/!?\[\[([^[\]|\n]*?)(?:\s*\|\s*([^\]\n]*))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target)
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
      .replace(/^ {0,3}(#{1,6}|>+|[-*+]|\d+[.)])(?:[ \t]+\[[ xX]\])?[ \t]+/gm, '')
      .replace(/(\*\*|__|==|~~|`+)/g, '')
      .replace(/<[^>\n]+>/g, ' ')
      .replace(/[ \t]+/g, ' ');
  return (source: string, title: string): ScannedNote => {
    const front = splitFrontmatter(source);
    const body = stripComments(front.body);
    const headings: ScannedHeading[] = [];
    const links: ScannedLink[] = [];
    const tags = new Set(frontmatterTags(front.properties).map(normalizeTag));
    const blockIds: string[] = [];
    const textParts: string[] = [];
    let lineNumber = front.lineOffset;
    const ids = new IdAllocator();
    for (const chunk of splitFences(body)) {
      const lines = chunk.text.split('\n');
      if (chunk.code) {
        lineNumber += lines.length;
        textParts.push(lines.slice(1, -1).join('\n'));
        continue;
      }
      for (const line of lines) {
        lineNumber++;
        if (line.length === 0) continue;
        const heading = HEADING.exec(line);
        if (heading?.[1] && heading[2] !== undefined) {
          headings.push({ level: heading[1].length, text: stripInline(heading[2]), key: key(heading[2]), line: lineNumber, id: headingDomId(ids.next(slug(heading[2]))) });
        }
        for (const match of line.matchAll(WIKILINK)) {
          links.push({ ...parseWikilink(match[2] ?? ''), embed: match[1] === '!', line: lineNumber, context: line.trim().slice(0, 300) });
        }
        for (const match of line.matchAll(MD_LINK)) {
          const href = match[2] ?? '';
          if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
          links.push({ ...parseWikilink(safeDecode(href)), embed: match[1] === '!', line: lineNumber, context: line.trim().slice(0, 300) });
        }
        if (line.includes('#')) {
          const withoutCode = line.replace(INLINE_CODE, ' ');
          for (const tag of findTags(heading ? withoutCode.replace(/^ {0,3}#{1,6}/, '') : withoutCode)) tags.add(tag);
        }
        const block = BLOCK_ID.exec(line);
        if (block?.[1]) blockIds.push(block[1]);
        textParts.push(line);
      }
    }
    const scanned: ScannedNote = {
      title,
      aliases: frontmatterAliases(front.properties),
      tags: [...tags],
      headings,
      blockIds,
      links,
      properties: front.properties,
      text: plain(textParts.join('\n')),
    };
    if (front.error) scanned.frontmatterError = front.error;
    return scanned;
  };
})();

const bundledVault = fileURLToPath(new URL('../../../notes', import.meta.url));

function bundledNotes(): { path: string; source: string }[] {
  return (fs.readdirSync(bundledVault, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.md'))
    .map((file) => ({ path: file.split(path.sep).join('/'), source: fs.readFileSync(path.join(bundledVault, file), 'utf8').replace(/\r\n?/g, '\n') }));
}

/** Deterministic notes made of the awkward bits: fences of every kind, comments, tags, links, headings, blocks. */
function trickyNotes(count: number): string[] {
  const pieces = [
    '# ', '## ', '   # ', '    # ', '#', '#tag', ' #tag/sub/', '#123', '(#x)', '[[A]]', '![[B#H|a]]', '[[C#^blk]]', '[[D\\|e]]', '[x](Y.md)',
    '[y](http://a.md)', '[z](<a b.md#h> "t")', '```', '~~~', '````', '```js', '   ```', '`code #no`', '%%', '%% c %%', '^abc', ' ^b-1',
    '**b**', '__u__', '==h==', '~~s~~', '<span>', '<b>x</b>', '\t', '  ', ' ', 'word', 'é ü 漢', 'Ｆｕｌｌ', '> ', '- ', '* [ ] ', '1. ',
    '2) ', '|', 'x', '---', 'ﬁ', '\u00a0#t', ',#c', ';#d',
  ];
  let state = 12345;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
  return Array.from({ length: count }, () => {
    const lines: string[] = random() < 0.3 ? ['---', 'tags: [a, "#b"]', 'aliases: [Q]', '---'] : [];
    const lineCount = Math.floor(random() * 30);
    for (let i = 0; i < lineCount; i++) {
      let line = '';
      for (let j = Math.floor(random() * 5); j > 0; j--) line += `${pieces[Math.floor(random() * pieces.length)] ?? ''}${random() < 0.5 ? ' ' : ''}`;
      lines.push(line);
    }
    return lines.join('\n');
  });
}

describe('scanNote', () => {
  it('finds exactly what the straightforward scanner found, on the bundled vault', () => {
    const notes = bundledNotes();
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) expect(scanNote(note.source, 'T'), note.path).toEqual(reference(note.source, 'T'));
  });

  it('finds exactly what the straightforward scanner found, on awkward markdown', () => {
    for (const source of trickyNotes(3000)) expect(scanNote(source, 'T'), JSON.stringify(source)).toEqual(reference(source, 'T'));
  });

  it('gives the bundled notes the headings (levels, text, ids) the reader renders', () => {
    const notes = bundledNotes();
    const resolver = new LinkResolver();
    const scans = new Map(notes.map((note) => [note.path, scanNote(note.source, noteNameOf(note.path))]));
    for (const note of notes) resolver.add(note.path, scans.get(note.path)?.aliases ?? []);
    const lookup = { resolver, scanOf: (p: string) => scans.get(p), sourceOf: () => null };
    for (const note of notes) {
      const rendered = renderNote(note.path, note.source, lookup).headings.map(({ level, text, id }) => ({ level, text, id }));
      const scanned = (scans.get(note.path)?.headings ?? []).map(({ level, text, id }) => ({ level, text, id }));
      expect(scanned, note.path).toEqual(rendered);
    }
  });
});
