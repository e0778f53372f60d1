// @vitest-environment jsdom
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { sanitizeNote, sanitizeNoteFragment } from './sanitize-note';

/** Formulas that use every MathML element and attribute KaTeX writes (the main process's settings). */
const CORPUS = [
  'O(n^2)',
  '2^{10}\\text{ bytes}',
  '\\sum_{i=1}^{n} x_i = \\frac{n(n+1)}{2}',
  '\\sqrt{2}\\sqrt[3]{x}\\hat{x}\\overbrace{ab}^{c}\\underline{x}\\xrightarrow{abc}',
  '\\begin{pmatrix}a&b\\\\c&d\\end{pmatrix}\\begin{array}{c|c}a&b\\\\\\hline c&d\\end{array}',
  '\\begin{aligned}a&=b\\\\c&=d\\end{aligned}\\tag{1}',
  '\\color{red}{x}\\colorbox{blue}{y}\\fbox{z}\\boxed{w}\\cancel{v}\\phantom{u}\\raisebox{1em}{t}',
  '\\mathbb{R}\\mathcal{B}\\mathrm{d}x\\hspace{1em}\\rule{1em}{2em}\\kern2em\\Big(\\left(x\\right)',
  '\\binom{n}{k}\\substack{a\\\\b}\\operatorname{lim}_{x\\to 0}\\int_0^1\\displaystyle\\frac{1}{2}\\tiny{a}\\newline b',
  '\\href{javascript:alert(1)}{x}\\url{https://example.com}\\htmlStyle{color:red}{y}\\includegraphics{x.png}',
];

const mathml = (tex: string, displayMode = false): string =>
  katex.renderToString(tex, { output: 'mathml', throwOnError: false, trust: false, strict: 'ignore', maxSize: 20, maxExpand: 300, displayMode });

/** Every element and attribute of `html` as `tag` and `tag[attribute=value]` lines, in document order. */
function shape(html: string): string[] {
  const box = document.createElement('div');
  box.innerHTML = html;
  return [...box.querySelectorAll('*')].flatMap((element) => [
    element.localName,
    ...[...element.attributes].filter((a) => a.name !== 'xmlns').map((a) => `${element.localName}[${a.name}=${a.value}]`),
  ]);
}

describe('sanitizeNote and MathML', () => {
  it('keeps every element and attribute KaTeX writes, and the TeX annotation', () => {
    for (const tex of CORPUS) {
      // `\\tag` is for display equations only.
      for (const display of tex.includes('\\tag') ? [true] : [false, true]) {
        const html = `<span class="math math-inline">${mathml(tex, display).replace(/ style="[^"]*"/g, '')}</span>`;
        expect(shape(sanitizeNote(html)), tex).toEqual(shape(html));
        const box = document.createElement('div');
        box.append(sanitizeNoteFragment(html));
        expect(box.querySelector('math')?.namespaceURI, tex).toBe('http://www.w3.org/1998/Math/MathML');
        expect(box.querySelector('annotation[encoding="application/x-tex"]')?.textContent).toBe(tex);
      }
    }
  });

  it('drops links, images, styles, scripts and handlers written as MathML', () => {
    const hostile = [
      '<math href="javascript:alert(1)"><mi>x</mi></math>',
      '<math><mi xlink:href="javascript:alert(1)" href="javascript:alert(2)">x</mi></math>',
      '<math><mrow onclick="alert(1)" style="color:red"><mi>x</mi></mrow></math>',
      '<math><mglyph src="https://evil.example/x.png"></mglyph></math>',
      '<math><maction actiontype="statusline"><mi>x</mi><mtext>y</mtext></maction></math>',
      '<math><semantics><mi>x</mi><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></semantics></math>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<math><mi><a href="javascript:alert(1)">x</a></mi></math>',
      '<math><mstyle><script>alert(1)</script></mstyle></math>',
      '<math><annotation encoding="application/x-tex"><img src=x onerror=alert(1)></annotation></math>',
      '<svg><math><mi>x</mi></math></svg>',
    ];
    for (const html of hostile) {
      const clean = sanitizeNote(html);
      // An <img> breaks out of <math> as the HTML parser does it, and then obeys the ordinary image rules.
      expect(clean, html).not.toMatch(/javascript:|\son[a-z]+=|\sstyle=|<(?:script|style|mglyph|maction|annotation-xml|svg)\b|\shref=|<math[^>]*\ssrc=/i);
      const box = document.createElement('div');
      box.innerHTML = clean;
      expect(box.querySelector('math img, math a[href], math [src]'), html).toBeNull();
    }
  });

  it('keeps MathML attributes on MathML only as values, never turning them into styles or links', () => {
    const clean = sanitizeNote('<math><mstyle mathcolor="red" mathbackground="url(javascript:alert(1))"><mi mathvariant="bold">x</mi></mstyle></math>');
    expect(clean).toContain('mathcolor="red"');
    expect(clean).not.toContain('style=');
  });
});
