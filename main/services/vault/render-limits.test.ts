import { describe, expect, it } from 'vitest';
import { tableMarkdown } from '../../../bench/bignote-notes';
import { exportNoteHtml } from './export-html';
import { LinkResolver } from './link-resolver';
import { countTableCells, PLAIN_TEXT_LIMIT, TABLE_CELL_LIMIT } from './render-limits';
import { renderNote, type NoteLookup } from './render-note';

const lookup: NoteLookup = {
  resolver: new LinkResolver(),
  scanOf: () => undefined,
  sourceOf: () => null,
};

describe('render limits', () => {
  it('counts table cells, not pipes in prose or code', () => {
    expect(countTableCells('| a | b |\n|---|---|\n| 1 | 2 |\n')).toBe(9);
    expect(countTableCells('echo a | grep b\n  | x |')).toBe(2);
  });

  it('opens a note over 5 million characters as escaped plain text with a notice, losing nothing', () => {
    const line = '## Notiz <script>alert(1)</script> [[Link]] **bold** teh end\n';
    const source = line.repeat(Math.ceil((PLAIN_TEXT_LIMIT + 10) / line.length));
    const rendered = renderNote('Huge.md', source, lookup);
    expect(rendered.plainText).toBe(true);
    expect(rendered.problems[0]).toMatch(/million characters long.*plain text/);
    expect(rendered.html.startsWith('<pre class="note-plain-text">')).toBe(true);
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html.split('&lt;script&gt;').length - 1).toBe(
      source.split('<script>').length - 1,
    );
    expect(rendered.scan.text).toBe(source);
    expect(rendered.headings).toEqual([]);
  });

  it('opens a table of more than a million cells as plain text', () => {
    const source = `# Pasted\n\n${tableMarkdown(1000, 1001, () => '1')}\n`;
    expect(countTableCells(source)).toBeGreaterThan(TABLE_CELL_LIMIT);
    const rendered = renderNote('Cells.md', source, lookup);
    expect(rendered.plainText).toBe(true);
    expect(rendered.problems[0]).toContain('1,000,000 cells');
  });

  it('renders a 2,000-column table under the limits normally', () => {
    const rendered = renderNote(
      'Wide.md',
      `# Wide\n\n${tableMarkdown(20, 2000, () => '7')}\n\n## Below\n`,
      lookup,
    );
    expect(rendered.plainText).toBe(false);
    expect(rendered.headings.map((h) => h.text)).toEqual(['Wide', 'Below']);
  });

  it('export obeys the same limits: plain text in the standalone file, quickly', () => {
    const source = `# Pasted\n\n${tableMarkdown(1000, 1001, () => '1')}\n<img src=x onerror=alert(1)>\n`;
    const html = exportNoteHtml({ root: '/nonexistent' }, 'Cells.md', source, lookup);
    expect(html).toContain('class="note-plain-text"');
    expect(html).toContain('1,000,000 cells');
    expect(html).not.toContain('<img');
  });
});
