// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { textWithTex } from './math-copy';

const inline = (tex: string) => `<span class="math math-inline"><math><semantics><mrow><mi>${tex.replace(/\W/g, '')}</mi></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span>`;
const block = (tex: string) => `<div class="math math-block"><math display="block"><semantics><mrow><mi>s</mi></mrow><annotation encoding="application/x-tex">${tex}</annotation></semantics></math></div>`;

function body(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  document.body.replaceChildren(element);
  return element;
}

describe('copying formulas', () => {
  it('copies each formula as its TeX between dollars, blocks on lines of their own', () => {
    const root = body(`<p>Lookup is ${inline('O(n^2)')} and costs $5.</p>${block('\\sum_{i=1}^{n} x_i')}<p>Done</p>`);
    const range = document.createRange();
    range.selectNodeContents(root);
    expect(textWithTex(range)).toBe('Lookup is $O(n^2)$ and costs $5.\n$$\\sum_{i=1}^{n} x_i$$\nDone');
  });
  it('takes a formula selected in part whole', () => {
    const root = body(`<p>a ${inline('x^2')} b</p>`);
    const range = document.createRange();
    range.setStart(root.querySelector('mi')!.firstChild!, 0);
    range.setEnd(root.querySelector('p')!.lastChild!, 2);
    expect(textWithTex(range)).toBe('$x^2$ b');
  });
  it('leaves copies without formulas (and error text) to the browser', () => {
    const root = body('<p>costs $5 <span class="math math-inline math-error" title="TeX error">$\\frac{$</span></p>');
    const range = document.createRange();
    range.selectNodeContents(root);
    expect(textWithTex(range)).toBeNull();
  });
});
