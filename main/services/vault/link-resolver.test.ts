import { describe, expect, it } from 'vitest';
import { findHeading, LinkResolver } from './link-resolver';
import { scanNote } from './note-scan';
import { defaultLinkText, parseWikilink } from './parse-wikilink';
import { parseSimpleYaml } from './simple-yaml';
import { decodeNote } from './note-source';

describe('parseWikilink', () => {
  it('splits target, heading path, block, alias and size', () => {
    expect(parseWikilink('Note')).toEqual({ target: 'Note', headings: [] });
    expect(parseWikilink('folder/Note#H1#H2')).toMatchObject({ target: 'folder/Note', headings: ['H1', 'H2'] });
    expect(parseWikilink('Note#^blk')).toMatchObject({ blockId: 'blk', headings: [] });
    expect(parseWikilink('#Heading')).toMatchObject({ target: '', headings: ['Heading'] });
    expect(parseWikilink('Note # Heading |alias')).toMatchObject({ target: 'Note', headings: ['Heading'], alias: 'alias' });
    expect(parseWikilink('pic.png|300x200')).toMatchObject({ width: 300, height: 200 });
    expect(parseWikilink('Note\\|alias')).toMatchObject({ target: 'Note', alias: 'alias' });
    expect(defaultLinkText(parseWikilink('Note#A#B'))).toBe('Note > A > B');
  });
});

describe('LinkResolver', () => {
  const resolver = new LinkResolver();
  for (const p of ['Top.md', 'a/Dup.md', 'b/c/Dup.md', 'b/Only.md', 'b/pic.png']) resolver.add(p);
  resolver.setAliases('b/Only.md', ['Single']);
  it('resolves exact, relative, suffix, name, alias; none for missing', () => {
    expect(resolver.resolve('top', 'x/y.md')?.path).toBe('Top.md');
    expect(resolver.resolve('Dup', 'b/c/Here.md')?.path).toBe('b/c/Dup.md');
    expect(resolver.resolve('Dup', 'Here.md')?.path).toBe('a/Dup.md');
    expect(resolver.resolve('c/Dup', 'Here.md')?.path).toBe('b/c/Dup.md');
    expect(resolver.resolve('./Dup.md', 'a/Here.md')?.path).toBe('a/Dup.md');
    expect(resolver.resolve('single', 'Here.md')?.path).toBe('b/Only.md');
    expect(resolver.resolve('pic.png', 'Here.md')).toEqual({ path: 'b/pic.png', kind: 'attachment' });
    expect(resolver.resolve('../../etc', 'Here.md')).toBeNull();
    expect(resolver.resolve('Nope', 'Here.md')).toBeNull();
    resolver.remove('a/Dup.md');
    expect(resolver.resolve('Dup', 'Here.md')?.path).toBe('b/c/Dup.md');
  });
  it('finds nested headings by their ancestors', () => {
    const scan = scanNote('# A\n## X\n# B\n## X\n### Y', 'n');
    expect(findHeading(scan.headings, ['B', 'X'])).toBe(3);
    expect(findHeading(scan.headings, ['X'])).toBe(1);
    expect(findHeading(scan.headings, ['b', 'x', 'y'])).toBe(4);
    expect(findHeading(scan.headings, ['Z'])).toBe(-1);
  });
});

describe('note scanning and decoding', () => {
  it('finds links, tags, headings, block ids; ignores code', () => {
    const scan = scanNote('---\ntags: [fm]\n---\n# T\nSee [[A#B|c]] and ![[img.png]] [m](Other%20Note.md) #t1 #a/b ^blk\n```\n[[NotALink]] #nottag\n```\n`#nope`', 'x');
    expect(scan.links.map((l) => l.target)).toEqual(['A', 'img.png', 'Other Note.md']);
    expect(scan.tags.sort()).toEqual(['a/b', 'fm', 't1']);
    expect(scan.blockIds).toEqual(['blk']);
    expect(scan.headings[0]).toMatchObject({ text: 'T', id: 'h-t', line: 4 });
  });
  it('parses common frontmatter without the slow YAML parser and defers the rest', () => {
    expect(parseSimpleYaml('tags: [a, b]\naliases:\n  - X\ntitle: "Hi"\nn: 3')).toEqual({ tags: ['a', 'b'], aliases: ['X'], title: 'Hi', n: 3 });
    expect(parseSimpleYaml('a: {b: 1}')).toBeUndefined();
    expect(parseSimpleYaml('a: |\n  text')).toBeUndefined();
  });
  it('decodes BOM, CRLF, invalid UTF-8 and refuses binary', () => {
    expect(decodeNote(Buffer.from('\uFEFF# a\r\nb\rc')).text).toBe('# a\nb\nc');
    const bad = decodeNote(Buffer.from([0x61, 0xff, 0x62]));
    expect(bad.text).toBe('a\uFFFDb');
    expect(bad.problem).toMatch(/not valid UTF-8/);
    expect(decodeNote(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])).binary).toBe(true);
  });
});
