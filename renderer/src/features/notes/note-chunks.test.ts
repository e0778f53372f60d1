// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ChunkInserter, type NoteChunk } from './note-chunks';
import { sanitizeNote } from './sanitize-note';

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
function tableChunks(rows: number, columns: number, cell: (r: number, c: number) => string, opening: string): NoteChunk[] {
  const columnsOf = (r: number) => Array.from({ length: columns }, (_, c) => cell(r, c));
  const chunks: NoteChunk[] = [];
  let html = `${opening}<div class="table-wrapper"><table>\n<thead>\n${row(columnsOf(-1), 'th')}</thead>\n<tbody>\n`;
  for (let r = 0; r < rows; r++) {
    html += row(columnsOf(r));
    if (r % 300 === 299 && r < rows - 1) {
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

describe('appendChunk', () => {
  it('inserted chunk by chunk, a note is the same DOM as inserted whole', () => {
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
    expect(streamed.querySelectorAll('table').length).toBe(2);
    expect(streamed.querySelectorAll('tbody tr').length).toBe(1_600);
    expect(streamed.innerHTML).toBe(whole.innerHTML);
    expect(streamed.querySelector('#block-end')?.textContent).toContain('the volumes part');
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
