// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ChunkInserter, type NoteChunk } from './note-chunks';
import { sanitizeNote } from '../../ui/sanitize-note';

/** One chunk into the body at once, after what it shows or (`replace`) instead of it. */
function insertChunk(body: HTMLElement, chunk: NoteChunk, replace = false): Element[] {
  const inserter = new ChunkInserter(body);
  inserter.add(chunk);
  return inserter.flush(replace, true);
}
const appendChunk = (body: HTMLElement, chunk: NoteChunk) => insertChunk(body, chunk);
const replaceWithChunk = (body: HTMLElement, chunk: NoteChunk) => insertChunk(body, chunk, true);

const row = (cells: string[], tag = 'td') => `<tr>\n${cells.map((c) => `<${tag}>${c}</${tag}>`).join('\n')}\n</tr>\n`;

/** A long table as markdown-it renders it, cut the way the vault cuts it: head and first rows, then chunks of rows. */
function tableChunks(rows: number, columns: number, cell: (r: number, c: number) => string, opening: string, every = 300): NoteChunk[] {
  const columnsOf = (r: number) => Array.from({ length: columns }, (_, c) => cell(r, c));
  const chunks: NoteChunk[] = [];
  let html = `${opening}<div class="table-wrapper"><table>\n<thead>\n${row(columnsOf(-1), 'th')}</thead>\n<tbody>\n`;
  for (let r = 0; r < rows; r++) {
    html += row(columnsOf(r));
    if (r % every === every - 1 && r < rows - 1) {
      chunks.push({ html, tableRows: chunks.length > 0 });
      html = '';
    }
  }
  chunks.push({ html: `${html}</tbody>\n</table></div>\n`, tableRows: true });
  return chunks;
}

const note: NoteChunk[] = [
  ...tableChunks(1_200, 5, (r, c) => `v${r}.${c}`, '<h1 id="h-containers">Containers I listed</h1>\n<p><strong>Pasted</strong> with <b>raw</b> HTML</p>\n'),
  { html: '<h2 id="h-after-the-table">After the table</h2>\n<ul class="contains-task-list">\n<li class="task-list-item">a task</li>\n</ul>\n', tableRows: false },
  ...tableChunks(400, 3, (r) => `<a class="internal-link" href="#" data-note-path="Note ${r}.md">Note ${r}</a>`, ''),
  { html: '<h2 id="h-end">End</h2>\n<p id="block-end">See <a class="internal-link" href="#h-named-volumes">the volumes part</a></p>\n', tableRows: false },
];

const rowTexts = (root: HTMLElement) => [...root.querySelectorAll('tr')].map((tr) => tr.textContent);
const blockTags = (root: HTMLElement) => [...root.children].map((element) => element.tagName);

describe('appendChunk', () => {
  it('inserted chunk by chunk, a note has the same blocks, rows and text as inserted whole', () => {
    const chunks = note;
    expect(chunks.filter((c) => c.tableRows).length).toBeGreaterThan(2);
    const whole = document.createElement('div');
    whole.innerHTML = sanitizeNote(chunks.map((c) => c.html).join(''));
    const streamed = document.createElement('div');
    streamed.innerHTML = '<p>a quick first screen</p>';
    // As the reader does: chunk 0 replaces the first screen, then pages of chunks staged and flushed.
    replaceWithChunk(streamed, chunks[0] ?? { html: '', tableRows: false });
    const inserter = new ChunkInserter(streamed);
    chunks.slice(1).forEach((chunk, i) => {
      inserter.add(chunk);
      if (i % 5 === 4) inserter.flush();
    });
    inserter.flush();
    // Further rows of a long table are in segments inside the table's wrapper.
    expect(streamed.querySelectorAll(':scope > .table-wrapper').length).toBe(2);
    expect(streamed.querySelectorAll('.table-wrapper .table-segment-box > table.table-segment').length).toBeGreaterThan(2);
    expect(streamed.querySelectorAll('tbody tr').length).toBe(1_600);
    expect(blockTags(streamed)).toEqual(blockTags(whole));
    expect(rowTexts(streamed)).toEqual(rowTexts(whole));
    expect(streamed.textContent?.replace(/\s+/g, ' ')).toBe(whole.textContent?.replace(/\s+/g, ' '));
    expect(streamed.querySelectorAll('a.internal-link[data-note-path]').length).toBe(whole.querySelectorAll('a.internal-link[data-note-path]').length);
    expect(streamed.querySelector('#block-end')?.textContent).toContain('the volumes part');
  });

  it('a very wide table goes into segments of a few rows too, each page in as it comes', () => {
    const chunks = tableChunks(60, 400, (r, c) => `${(r * 31 + c) % 10}`, '<h1>Wide</h1>\n', 4);
    const body = document.createElement('div');
    const inserter = new ChunkInserter(body);
    let added = 0;
    chunks.forEach((chunk) => {
      inserter.add(chunk);
      // Every page shows at once: nothing waits for the table's last rows.
      const flushed = inserter.flush();
      expect(flushed.length).toBeGreaterThan(0);
      added += flushed.length;
    });
    // The heading, the table's wrapper and the 56 rows of the chunks after the first.
    expect(added).toBe(58);
    expect(body.querySelectorAll(':scope > .table-wrapper > table').length).toBe(1);
    expect(body.querySelectorAll('.table-segment-box').length).toBe(Math.ceil(56 / 8));
    expect(body.querySelectorAll('tbody tr').length).toBe(60);
    expect(rowTexts(body).at(-1)).toBe(`\n${Array.from({ length: 400 }, (_, c) => `${(59 * 31 + c) % 10}`).join('\n')}\n`);
  });

  it('rows are sanitized like the rest of the note', () => {
    const body = document.createElement('div');
    appendChunk(body, { html: '<div class="table-wrapper"><table><tbody><tr><td>1</td></tr>', tableRows: false });
    const inserted = appendChunk(body, { html: '<tr><td><img src="x" onerror="alert(1)"><script>alert(1)</script>2</td></tr></tbody></table></div>', tableRows: true });
    expect(inserted.map((e) => e.tagName)).toEqual(['TR']);
    expect(body.querySelectorAll('tr').length).toBe(2);
    expect(body.innerHTML).not.toMatch(/onerror|script/);
  });
});
