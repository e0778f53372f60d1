import { describe, expect, it } from 'vitest';
import { createMarkdown } from './create-markdown';
import { MAX_TEX_LENGTH } from './tex-render';
import { testRenderEnv } from './test-render-env';

const md = createMarkdown();
const render = (source: string): string => md.render(source, testRenderEnv());
/** The TeX sources of the typeset formulas, in order. */
const formulas = (html: string): string[] => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1] ?? '');

describe('inline math ($…$)', () => {
  it('typesets a formula as MathML with its TeX source as the annotation', () => {
    const html = render('Lookup is $O(n^2)$ here.');
    expect(html).toContain('<span class="math math-inline"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics>');
    expect(html).toContain('<msup><mi>n</mi><mn>2</mn></msup>');
    expect(formulas(html)).toEqual(['O(n^2)']);
    expect(html).toMatch(/^<p>Lookup is <span/);
    expect(html).toContain('</span> here.</p>');
  });
  it('keeps prices prose: the opening $ followed by a space, the closing $ after a space or before a digit', () => {
    for (const text of ['costs $5 and $10 per month', 'between $5 and $ 10', 'pay $ 5$ now', 'from $3$4 on', 'costs $5, then $6.50', 'just $']) {
      expect(formulas(render(text)), text).toEqual([]);
      expect(render(text)).not.toContain('<math');
    }
    expect(render('costs $5 and $10 per month')).toContain('costs $5 and $10 per month');
  });
  it('takes the first unescaped $ as the closing one, so a price before a formula stays text', () => {
    expect(formulas(render('costs $5 and $10, so $x$ is cheap'))).toEqual(['x']);
    expect(formulas(render('$2^{10}$ bytes and $1,024'))).toEqual(['2^{10}']);
  });
  it('\\$ is a dollar sign, outside a formula and inside one', () => {
    expect(render('a \\$5 and \\$x\\$')).toContain('<p>a $5 and $x$</p>');
    expect(formulas(render('$\\$5 + x$'))).toEqual(['\\$5 + x']);
  });
  it('leaves $ alone in code spans and fences', () => {
    expect(render('`$x$` and\n\n```\n$$y$$\n```')).not.toContain('<math');
  });
  it('typesets $$…$$ inside a line as display math within the paragraph', () => {
    const html = render('so $$\\sum_i x_i$$ holds');
    expect(html).toContain('<p>so <span class="math math-block"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(formulas(html)).toEqual(['\\sum_i x_i']);
  });
  it('works inside headings, lists, tables, callouts and highlights', () => {
    const html = render('# Cost $O(1)$\n\n- item $a$\n\n| x |\n|---|\n| $b$ |\n\n> [!note]\n> $c$\n\n==$d$==');
    expect(formulas(html)).toEqual(['O(1)', 'a', 'b', 'c', 'd']);
  });
});

describe('display math ($$ blocks)', () => {
  it('typesets a block spanning lines, centred in its own div', () => {
    const html = render('Before\n$$\n\\sum_{i=1}^{n}\n  x_i\n$$\nAfter');
    expect(html).toContain('<div class="math math-block"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(formulas(html)).toEqual(['\\sum_{i=1}^{n}\nx_i']);
    expect(html).toMatch(/<p>Before<\/p>\n<div class="math math-block">/);
    expect(html).toContain('<p>After</p>');
  });
  it('typesets $$…$$ alone on one line and a block closed on its last content line', () => {
    expect(formulas(render('$$E=mc^2$$'))).toEqual(['E=mc^2']);
    expect(formulas(render('$$a\n+ b$$'))).toEqual(['a\n+ b']);
  });
  it('an unclosed $$ is text, not a formula swallowing the note', () => {
    const html = render('$$\nx\n\n# Heading');
    expect(html).not.toContain('<math');
    expect(html).toContain('<h1');
  });
  it('works in a blockquote and a list item', () => {
    expect(formulas(render('> $$\n> a\n> $$'))).toEqual(['a']);
    expect(formulas(render('- item\n\n  $$\n  b\n  $$'))).toEqual(['b']);
  });
});

describe('errors and hostile input', () => {
  it('a TeX error shows the source in the error style, its message as the tooltip, and the paragraph goes on', () => {
    const html = render('Before $\\frac{1}{$ after $x$.');
    expect(html).toMatch(/<span class="math math-inline math-error" title="TeX error: [^"]*expected &#39;}&#39;">\$\\frac\{1\}\{\$<\/span> after <span class="math math-inline">/);
    const block = render('$$\n\\begin{matrix} a\n$$\ntext');
    expect(block).toMatch(/<div class="math math-block math-error" title="TeX error: [^"]+">\$\$\\begin\{matrix\} a\$\$<\/div>/);
    expect(block).toContain('<p>text</p>');
  });
  it('an unknown command names itself in the tooltip without combining underlines', () => {
    const html = render('$\\sideset{}{}\\sum$');
    expect(html).toContain('title="TeX error: Undefined control sequence: \\sideset"');
  });
  it('untrusted commands make no link, no image, no style, no class or id from the note', () => {
    const html = render('$\\href{javascript:alert(1)}{x}$ $\\url{https://evil.example}$ $\\htmlStyle{color:red}{y}$ $\\htmlClass{evil}{z}$ $\\htmlId{evil}{w}$ $\\includegraphics{x.png}$ $\\fcolorbox{red}{blue}{v}$ $\\pmb{u}$');
    expect(formulas(html)).toHaveLength(8);
    // The TeX source stays readable in the annotation (as text); nothing else carries it.
    const markup = html.replace(/<annotation[^>]*>[^<]*<\/annotation>/g, '');
    expect(markup).not.toMatch(/href=|src=| style=|javascript:|evil|<a |<img|mglyph/);
    expect(markup).toContain('<mtext>\\href</mtext>');
  });
  it('raw HTML in a formula is text', () => {
    const html = render('$<img src=x onerror=alert(1)>$');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
  it('sizes are capped and macro expansion is bounded', () => {
    expect(render('$\\rule{1000em}{1000em}$')).toContain('width="20em" height="20em"');
    const bomb = render('$\\def\\a{\\a\\a}\\a$ and $\\gdef\\b{\\b x}\\b$');
    expect(bomb.match(/math-error/g)).toHaveLength(2);
    expect(bomb).toContain('Too many expansions');
  });
  it('a formula that is too long or nests too deeply is an error, not a crash', () => {
    expect(render(`$${'x'.repeat(MAX_TEX_LENGTH + 1)}$`)).toContain('is not typeset');
    const deep = render(`$${'{'.repeat(4000)}x${'}'.repeat(4000)}$`);
    expect(deep).toMatch(/math-error|<math/);
  });
  it('macros defined in one formula do not leak into the next', () => {
    expect(render('$\\gdef\\foo{1}\\foo$ $\\foo$')).toContain('title="TeX error: Undefined control sequence: \\foo"');
  });
});
