// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readTextModel } from './rendered-text';

const note = `<h1 id="a">Volumes <em>persist</em></h1><p>Intro text</p><table><tbody>${Array.from({ length: 50 }, (_, r) => `<tr><td>c${r}</td><td>${r}</td></tr>`).join('')}</tbody></table><h2 id="b"><span></span>After the table</h2><p>End ^x</p><h3></h3>`;

function bodyOf(html: string): HTMLElement {
  const body = document.createElement('div');
  body.className = 'note-body';
  body.innerHTML = html;
  return body;
}

describe('readTextModel', () => {
  it('reads every text node in order, headings at their first text', () => {
    const model = readTextModel(bodyOf(note));
    expect(model.text).toBe(bodyOf(note).textContent);
    expect(model.headings.map((h) => [h.text, h.level, model.text.slice(h.offset, h.offset + 5)])).toEqual([
      ['Volumes persist', 1, 'Volum'],
      ['After the table', 2, 'After'],
    ]);
    expect(model.nodes.map((n) => n.node.data).join('')).toBe(model.text);
  });

  it('leaves out our own UI and demo cards, with the same offsets for the rest', () => {
    const card = '<div class="berth-demo-card"><h2>Card</h2><p>live output</p></div>';
    const model = readTextModel(bodyOf(note.replace('<p>Intro text</p>', `<p>Intro text</p>${card}`).replace('<p>End ^x</p>', '<p>End <button data-annotation-ui>3</button>^x</p>')));
    const plain = readTextModel(bodyOf(note));
    expect(model.text).toBe(plain.text);
    expect(model.headings).toEqual(plain.headings);
  });
});
