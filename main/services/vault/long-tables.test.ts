import { describe, expect, it } from 'vitest';
import { tableMarkdown } from '../../../bench/bignote-notes';
import { createMarkdown } from './markdown/create-markdown';
import { testRenderEnv } from './markdown/test-render-env';
import { parseWithLongTables, rowCellCount } from './long-tables';
import { renderChunked } from './render-chunks';

const md = createMarkdown();

const env = testRenderEnv;

/** markdown-it's one parse of the whole body against the long-table parse, rendered in chunks. */
function both(body: string) {
  const whole = env();
  const oneShot = md.renderer.render(md.parse(body, whole), md.options, whole);
  const fast = env();
  const long = parseWithLongTables(md, body, fast);
  const chunked = long ? renderChunked(md, long.tokens, fast, 4_000, long.rowsApart).html : null;
  return { oneShot, chunked, headings: [whole.headings, fast.headings] };
}

/** Cells with the inline syntax a pasted table holds (each kind now and then, most cells plain). */
const markupCell = (r: number, c: number): string => {
  const kinds = [
    `**b${r}**`,
    `[[Note ${r}|n]]`,
    `[[Missing ${r}]]`,
    `\`a\\|b ${r}\``,
    `x \\| y`,
    `*e*${r}`,
    `https://example.com/${r}`,
    `see docs.docker.com`,
    `<kbd>K</kbd>`,
    `==mark==`,
    `#tag${r}`,
    `$x_${r}$`,
    `a & b < c`,
    `ends with ^blk-${r}`,
    `~~old~~`,
    `![[pic.png]]`,
  ];
  return r % 7 === 3 && c === 1 ? (kinds[(r >> 3) % kinds.length] ?? '') : `v${r}.${c} word`;
};

describe('parseWithLongTables', () => {
  it('renders a 10,000-row table byte for byte as markdown-it does', () => {
    const body = `# Top\n\nText\n\n${tableMarkdown(10_000, 10, (r, c) => `${(r * 7 + c) % 10}`)}\n\n## After\n\nEnd [[Target]].\n`;
    const { oneShot, chunked, headings } = both(body);
    expect(chunked).not.toBeNull();
    expect(chunked).toBe(oneShot);
    expect(headings[1]).toEqual(headings[0]);
  });

  it('matches markdown-it on inline markup, escaped pipes, alignment and ragged rows', () => {
    const rows = Array.from({ length: 4_000 }, (_, r) => {
      const cells = Array.from({ length: 6 }, (_, c) => markupCell(r, c));
      if (r % 11 === 5) cells.length = 3; // short row: padded
      if (r % 13 === 6) cells.push('extra', 'cells'); // long row: cut
      return r % 17 === 8 ? ` | ${cells.join(' | ')}` : `| ${cells.join(' | ')} |`;
    });
    const body = [
      '# Aligned',
      'A paragraph the table interrupts',
      '| Left | Center | Right | None | Esc\\|aped | Last |',
      '|:-----|:------:|------:|------|---|:--|',
      ...rows,
      'Lazy text after the rows',
      '',
      '- [ ] a task after the table',
      '',
      'Footnote[^1] and a ^lonely',
      '',
      '[^1]: The note.',
    ].join('\n');
    const { oneShot, chunked } = both(body);
    expect(chunked).not.toBeNull();
    expect(chunked).toBe(oneShot);
    expect(oneShot).toContain('data-line="4007"');
  });

  it('leaves to markdown-it what it cannot prove the same', () => {
    const code = `# Code\n\n\`\`\`\n${tableMarkdown(3_000, 4)}\n\`\`\`\n`;
    expect(parseWithLongTables(md, code, env())).toBeNull();
    const quoted = `> | a | b |\n> |---|---|\n${tableMarkdown(6_000, 2).split('\n').slice(2).join('\n')}\n`;
    const quotedResult = both(quoted);
    expect(quotedResult.chunked ?? quotedResult.oneShot).toBe(quotedResult.oneShot);
    // More padded cells than markdown-it allows: it ends the table early; the whole parse is used.
    const ragged = `| ${Array.from({ length: 40 }, (_, c) => `h${c}`).join(' | ')} |\n|${'---|'.repeat(40)}\n${'| x |\n'.repeat(2_000)}`;
    const raggedResult = both(ragged);
    expect(raggedResult.chunked ?? raggedResult.oneShot).toBe(raggedResult.oneShot);
    // Footnotes in cut rows keep the one parse (they are numbered in order).
    const notes = `${tableMarkdown(5_000, 3, (r, c) => (r === 4_000 && c === 0 ? 'see[^n]' : `${r}`))}\n\n[^n]: Foot.\n`;
    const notesResult = both(notes);
    expect(notesResult.chunked ?? notesResult.oneShot).toBe(notesResult.oneShot);
    expect(parseWithLongTables(md, '| a |\n|---|\n| b |\n', env())).toBeNull();
  });

  it('counts cells as markdown-it splits them', () => {
    expect(rowCellCount('| a | b |')).toBe(2);
    expect(rowCellCount('a | b')).toBe(2);
    expect(rowCellCount('| a \\| b |')).toBe(1);
    expect(rowCellCount('| a \\|')).toBe(1);
    expect(rowCellCount('|')).toBe(0);
    expect(rowCellCount('||')).toBe(1);
    expect(rowCellCount('| a | |')).toBe(2);
  });
});
