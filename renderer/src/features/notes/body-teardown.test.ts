// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { tearDownInSlices } from './body-teardown';

function wideTableBody(rows: number, columns: number): HTMLElement {
  const body = document.createElement('div');
  body.className = 'note-body note-content is-huge';
  body.dataset.notePath = 'Wide.md';
  const cells = Array.from({ length: columns }, (_, c) => `<td>${c}</td>`).join('');
  body.innerHTML = `<h1>Wide</h1><div class="table-wrapper"><table><thead><tr><th>C1</th></tr></thead><tbody>${Array.from({ length: rows }, () => `<tr>${cells}</tr>`).join('')}</tbody></table><div class="table-end"></div></div><p>After <a class="internal-link">a link</a></p>`;
  document.body.append(body);
  return body;
}

describe('tearDownInSlices', () => {
  it('hides the old body at once, and once started empties it a row at most per removal, then takes it out', async () => {
    const body = wideTableBody(40, 200);
    const removedCells: number[] = [];
    const watch = new MutationObserver((records) => {
      for (const record of records) for (const node of record.removedNodes) removedCells.push(node instanceof Element ? node.querySelectorAll('td').length : 0);
    });
    watch.observe(body, { childList: true, subtree: true });
    let gone = false;
    const old = tearDownInSlices(body, () => (gone = true));
    // Nothing finds it as the open note any more, and it is out of sight.
    expect(document.querySelector('.note-body[data-note-path]')).toBeNull();
    expect(body.getAttribute('aria-hidden')).toBe('true');
    expect(body.style.contentVisibility).toBe('hidden');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(body.childNodes.length).toBeGreaterThan(0);
    old.start();
    for (let i = 0; i < 200 && !gone; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    watch.disconnect();
    expect(gone).toBe(true);
    expect(body.isConnected).toBe(false);
    expect(body.childNodes.length).toBe(0);
    expect(Math.max(...removedCells)).toBeLessThanOrEqual(200);
    expect(removedCells.reduce((a, b) => a + b, 0)).toBe(40 * 200);
  });

  it('stops when asked, leaving the rest to its parent', async () => {
    const body = wideTableBody(200, 20);
    let gone = false;
    const old = tearDownInSlices(body, () => (gone = true));
    old.start();
    old.stop();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(gone).toBe(false);
    expect(body.isConnected).toBe(true);
    body.remove();
  });
});
