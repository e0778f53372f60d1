import { describe, expect, it } from 'vitest';
import { tableMarkdown } from '../../../bench/bignote-notes';
import { createMarkdown } from './markdown/create-markdown';
import { testRenderEnv } from './markdown/test-render-env';
import { renderChunked } from './render-chunks';
import { renderNote, type NoteLookup } from './render-note';

const md = createMarkdown();

const env = testRenderEnv;

/** A note with a bit of everything markdown does at the top level, and two long tables. */
const mixed = [
  '# Start',
  'Intro with [[Target|a link]], [[Missing]], a footnote[^1] and <b>raw</b> HTML.',
  '> [!note] A callout\n> with **bold** text',
  '- a list\n  - nested\n- [ ] a task',
  '```js\nconst x = 1;\n\n# not a heading\n```',
  tableMarkdown(3_000, 6),
  '## Middle',
  '| a | b |\n|---|---|\n| short | table |',
  'Text between ^block-1',
  '<div>\n\nraw block\n\n</div>',
  tableMarkdown(2_500, 3, (r, c) => `[[Note ${r}]] ${c}`),
  ...Array.from({ length: 120 }, (_, i) => `### Part ${i}\n\nParagraph ${i} with *emphasis* and \`code\`.`),
  '## End',
  '[^1]: The footnote.',
].join('\n\n');

describe('renderChunked', () => {
  it('joins back to the one-shot render, byte for byte', () => {
    const oneShot = md.renderer.render(md.parse(mixed, env()), md.options, env());
    const chunked = renderChunked(md, md.parse(mixed, env()), env(), 4_000);
    expect(chunked.html).toBe(oneShot);
    expect(chunked.chunks.length).toBeGreaterThan(20);
    expect(chunked.chunks.at(-1)?.end).toBe(oneShot.length);
    const ends = chunked.chunks.map((c) => c.end);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });

  it('cuts only between blocks or between the rows of a long table', () => {
    const { html, chunks } = renderChunked(md, md.parse(mixed, env()), env(), 4_000);
    let start = 0;
    let inTable = false;
    for (const chunk of chunks) {
      const text = html.slice(start, chunk.end);
      start = chunk.end;
      if (chunk.tableRows) {
        expect(inTable).toBe(true);
        expect(text.startsWith('<tr>')).toBe(true);
      } else {
        expect(text.startsWith('<')).toBe(true);
        expect(text).not.toMatch(/^<(tr|td|th|li|tbody)\b/);
      }
      const opens = (text.match(/<table>/g) ?? []).length;
      const closes = (text.match(/<\/table>/g) ?? []).length;
      inTable = inTable ? closes === 0 : opens > closes;
      expect(opens - closes).toBeLessThanOrEqual(1);
    }
    expect(inTable).toBe(false);
  });
});

describe('renderNote chunks', () => {
  const lookup: NoteLookup = {
    resolver: { resolve: (target) => ({ kind: 'note', path: `${target}.md` }) },
    scanOf: () => undefined,
    sourceOf: () => null,
  };

  it('holds every heading exactly once, each in one chunk', () => {
    const rendered = renderNote('Big.md', mixed, lookup);
    expect(rendered.chunks.at(-1)?.end).toBe(rendered.html.length);
    expect(rendered.headings.length).toBe(123);
    let start = 0;
    const seen = new Map<string, number>();
    for (const chunk of rendered.chunks) {
      const text = rendered.html.slice(start, chunk.end);
      start = chunk.end;
      for (const [, id = ''] of text.matchAll(/<h[1-6][^>]* id="([^"]+)"/g)) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    for (const heading of rendered.headings) expect(seen.get(heading.id), heading.text).toBe(1);
    expect(seen.size).toBe(rendered.headings.length);
  });

  it('a note over the limits is one plain-text chunk', () => {
    const rendered = renderNote('Huge.md', tableMarkdown(1000, 1001), lookup);
    expect(rendered.plainText).toBe(true);
    expect(rendered.chunks).toEqual([{ end: rendered.html.length, tableRows: false }]);
  });
});
