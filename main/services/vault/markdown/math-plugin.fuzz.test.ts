/**
 * Generated prose for the math rules: sentences full of prices never become formulas, formulas
 * written between prices are typeset exactly, and any TeX (hostile commands mixed in) renders
 * without throwing and without links, images, styles or event handlers.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from '../../../testing/fuzz-config';
import { createMarkdown } from './create-markdown';
import { testRenderEnv } from './test-render-env';

const md = createMarkdown();
const render = (source: string): string => md.render(source, testRenderEnv());
const formulas = (html: string): string[] => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1] ?? '');

const word = fc.constantFrom('costs', 'and', 'per', 'month', 'the', 'volume', 'is', 'about', 'or', 'plus', 'tax', 'each', 'from', 'to', 'saves', 'image', 'a', 'year.');
const amount = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a},${String(b).padStart(3, '0')}`),
);
const price = fc
  .tuple(fc.constantFrom('', '(', 'US', '~'), amount, fc.constantFrom('', 'k', '/month', '.', ',', ')', ' USD', '-ish', '+'))
  .map(([before, value, after]) => `${before}$${value}${after}`);
const range = fc.tuple(amount, fc.constantFrom('-', '–', '/', ' to ', ' - '), amount).map(([a, sep, b]) => `$${a}${sep}$${b}`);
const prose = fc.array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: price }, { weight: 1, arbitrary: range }), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(' '));
/** Elements and attributes that could act (checked on a parsed DOM: error text may quote them). */
function activeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const element of new JSDOM(html).window.document.body.querySelectorAll('*')) {
    if (/^(?:a|img|script|style|mglyph|iframe)$/i.test(element.localName)) found.push(element.localName);
    for (const { name } of element.attributes) if (/^(?:href|src|style|on.*)$/i.test(name)) found.push(`${element.localName}[${name}]`);
  }
  return found;
}
const texAtom = fc.constantFrom('x', 'n^2', '2^{10}', '\\frac{a}{b}', 'O(n \\log n)', '\\sum_{i=1}^{n} x_i', '\\sqrt{2}', 'a_i', '\\alpha');

describe('math rules on generated prose', () => {
  it('prices, ranges and amounts are never math', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const html = render(text);
        expect(html).not.toContain('<math');
        expect(html).not.toContain('math-error');
      }),
      fuzzParams(),
    );
  });

  it('formulas between prices are typeset exactly as written, the prices stay text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(prose, texAtom), { minLength: 1, maxLength: 5 }), prose, (pieces, tail) => {
        // A formula after a price: the price's `$` must not pair with the formula's.
        const text = pieces.map(([before, tex]) => `${before} $${tex}$`).join(' ') + ` ${tail}`;
        expect(formulas(render(text)).map((tex) => tex.replace(/&amp;/g, '&'))).toEqual(pieces.map(([, tex]) => tex));
      }),
      fuzzParams(),
    );
  });

  it('any TeX renders without throwing and without active markup', () => {
    const piece = fc.oneof(
      fc.constantFrom('\\href{javascript:alert(1)}{x}', '\\url{javascript:x}', '\\htmlStyle{color:red}{x}', '\\htmlClass{a}{b}', '\\includegraphics{x}', '\\def\\a{\\a\\a}\\a', '\\rule{9999em}{1em}', '\\fcolorbox{red}{blue}{x}', '\\color{red;background:url(x)}{y}', '<img src=x onerror=alert(1)>', '{', '}', '\\', '&', '\\\\', '\\begin{pmatrix}', '\\end{pmatrix}', '^', '_'),
      texAtom,
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (parts, display) => {
        const tex = parts.join('').replace(/\$/g, '');
        expect(activeMarkup(render(display ? `$$\n${tex}\n$$` : `a $${tex}x$ b`))).toEqual([]);
      }),
      fuzzParams(),
    );
  });
});
