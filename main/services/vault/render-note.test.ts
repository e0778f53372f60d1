import { describe, expect, it } from 'vitest';
import { LinkResolver } from './link-resolver';
import { scanNote } from './note-scan';
import { isInertInlineTag } from './markdown/link-policy-plugin';
import { readerUrls, renderNote, type NoteLookup } from './render-note';
import { unresolvedLinkTitle } from '../../contract/link-tooltips';
import { noteNameOf } from './vault-paths';

function vault(files: Record<string, string>): NoteLookup {
  const resolver = new LinkResolver();
  const scans = new Map(Object.entries(files).filter(([p]) => p.endsWith('.md')).map(([p, s]) => [p, scanNote(s, noteNameOf(p))]));
  for (const p of Object.keys(files)) resolver.add(p, scans.get(p)?.aliases ?? []);
  return { resolver, scanOf: (p) => scans.get(p), sourceOf: (p) => files[p] ?? null };
}

const files: Record<string, string> = {
  'Home.md': '# Home',
  'Storage/Volumes.md': '---\naliases: [vols]\n---\n# Volumes\n## Named **volumes** `-v`\n### Sub [[Home|h]]\nText ^para1\n\n## Other\nmore',
  'Other/Volumes.md': '# The other one',
  'img/diagram.png': '',
  'docs/manual.pdf': '',
};
const lookup = vault(files);
const render = (source: string, path = 'Storage/Page.md') => renderNote(path, source, lookup);

describe('wikilinks', () => {
  it('resolves [[Note]] by name, shortest path first, case-insensitively', () => {
    const html = render('[[home]] and [[Volumes]]').html;
    expect(html).toContain('data-note-path="Home.md"');
    expect(html).toContain('data-note-path="Storage/Volumes.md"'); // same folder wins
    expect(render('[[Volumes]]', 'Page.md').html).toContain('data-note-path="Other/Volumes.md"'); // shortest path
  });
  it('resolves folder paths, headings, nested headings, blocks, same-note headings and aliases', () => {
    const html = render(
      '[[Other/Volumes]] [[Volumes#Named volumes -v]] [[Volumes#Named volumes -v#Sub h]] [[Volumes#^para1]] [[vols]] [[#Mine]]\n# Mine',
    ).html;
    expect(html).toContain('data-note-path="Other/Volumes.md"');
    expect(html).toContain('data-anchor="h-named-volumes-v"');
    expect(html).toContain('data-anchor="h-sub-h"');
    expect(html).toContain('data-anchor="block-para1"');
    expect(html).toMatch(/data-note-path="Storage\/Volumes.md"[^>]*data-href="vols"/);
    expect(html).toContain('href="#h-mine"');
  });
  it('tolerates spaces around # and |, shows aliases and Obsidian-style default text', () => {
    const html = render('[[Volumes # Other |the alias]] [[Volumes#Other]]').html;
    expect(html).toContain('>the alias</a>');
    expect(html).toContain('data-anchor="h-other"');
    expect(html).toContain('>Volumes &gt; Other</a>');
  });
  it('shows a missing note as unresolved, never as a broken anchor', () => {
    const html = render('[[Nowhere|x]]').html;
    expect(html).toContain('class="internal-link is-unresolved"');
    expect(html).toContain('data-unresolved-target="Nowhere"');
    expect(html).not.toMatch(/is-unresolved"[^>]*\shref=/);
  });
  it('gives a link to a missing note its tooltip only in a standalone file (the reader adds it on hover)', () => {
    expect(render('[[Nowhere|x]]').html).not.toContain('title=');
    const standalone = renderNote('Storage/Page.md', '[[Nowhere|x]]', lookup, { ...readerUrls, linkTooltips: true }).html;
    expect(standalone).toContain(`title="${unresolvedLinkTitle('Nowhere')}"`);
  });
  it('resolves markdown links to notes', () => {
    expect(render('[v](Volumes.md#Other)').html).toContain('data-anchor="h-other"');
  });
});

describe('embeds', () => {
  it('embeds images with sizes, PDFs, and shows a placeholder for missing files', () => {
    const html = render('![[diagram.png]] ![[diagram.png|300]] ![[diagram.png|300x200]] ![[manual.pdf]] ![[gone.png]]').html;
    expect(html).toContain('src="/vault-file/img/diagram.png"');
    expect(html).toContain('width="300"');
    expect(html).toMatch(/width="300" height="200"/);
    expect(html).toContain('class="embed-pdf"');
    expect(html).toContain('⚠ Missing attachment: gone.png');
    expect(html).not.toContain('src="/vault-file/gone.png"');
  });
  it('transcludes notes and sections', () => {
    const html = render('![[Volumes#Other]]\n\n![[Home]]').html;
    expect(html).toContain('class="embed-note"');
    expect(html).toContain('more');
    expect(html).not.toContain('Text');
    expect(html).toContain('>Home</h1>');
  });
  it('is cycle-safe and depth-limited', () => {
    const cyc = vault({ 'A.md': 'a ![[B]]', 'B.md': 'b ![[A]]', 'Self.md': '![[Self]]' });
    const out = renderNote('A.md', 'a ![[B]]', cyc).html;
    expect(out).toContain('is-cycle');
    expect(renderNote('Self.md', '![[Self]]', cyc).html).toContain('is-cycle');
    const chain: Record<string, string> = {};
    for (let i = 0; i < 10; i++) chain[`N${i}.md`] = `n${i} ![[N${i + 1}]]`;
    expect(renderNote('N0.md', chain['N0.md'] ?? '', vault(chain)).html).toContain('is-too-deep');
  });
});

describe('Obsidian syntax', () => {
  it('renders callouts with types, custom titles and folding', () => {
    const html = render('> [!warning]- Careful now\n> body\n\n> [!tip]\n> t\n\n> [!note]+ Open').html;
    expect(html).toMatch(/<details class="callout" data-callout="warning"[^>]*data-callout-fold="-">/);
    expect(html).toContain('Careful now');
    expect(html).toMatch(/<div class="callout" data-callout="tip"/);
    expect(html).toContain('>Tip</span>');
    expect(html).toMatch(/data-callout-fold="\+" open>/);
  });
  it('renders highlights, tags, nested tags and hides comments', () => {
    const html = render('==hi **b**== #tag #nested/tag not#tag #123 %%secret%%\n%%\nmulti\n%%\nafter').html;
    expect(html).toContain('<mark>hi <strong>b</strong></mark>');
    expect(html).toContain('data-tag="tag"');
    expect(html).toContain('data-tag="nested/tag"');
    expect(html).not.toContain('data-tag="123"');
    expect(html).not.toContain('secret');
    expect(html).not.toContain('multi');
    expect(html).toContain('after');
  });
  it('shows frontmatter as properties (tags and aliases honoured), and broken frontmatter as a problem', () => {
    const good = render('---\ntags: [a, b/c]\naliases:\n  - Al\nstatus: draft\n---\ntext');
    expect(good.properties).toMatchObject({ status: 'draft' });
    expect(good.scan.tags).toEqual(['a', 'b/c']);
    expect(good.scan.aliases).toEqual(['Al']);
    expect(good.html).not.toContain('status');
    const bad = render('---\ntags: [a\n  : : bad\n---\ntext');
    expect(bad.problems.join(' ')).toMatch(/not valid YAML/);
    expect(bad.html).toContain('text');
  });
  it('renders task lists, footnotes, tables with <br>, code with highlighting, math as MathML', () => {
    const html = render(
      '- [ ] todo\n- [x] done\n\nNote[^1]\n\n[^1]: foot\n\n| a | b |\n|---|---|\n| x<br>y | [[Home\\|h]] |\n\n```js\nconst a = 1;\n```\n\n$e=mc^2$ costs $5 and $6\n\n$$\nx^2\n$$',
    ).html;
    expect(html).toContain('type="checkbox"');
    expect(html).toMatch(/checked/);
    expect(html).toContain('class="footnotes"');
    expect(html).toMatch(/<td>x<br>y<\/td>/);
    expect(html).toMatch(/<td><a class="internal-link"[^>]*>h<\/a><\/td>/);
    expect(html).toContain('<span class="hljs-keyword">const</span>');
    // Raw HTML (<br>) sends the note through DOMPurify here too: the MathML survives it.
    expect(html).toContain('<span class="math math-inline"><math');
    expect(html).toContain('<annotation encoding="application/x-tex">e=mc^2</annotation>');
    expect(html).toContain('$5 and $6');
    expect(html).toMatch(/<div class="math math-block"><math[^>]* display="block"><semantics><mrow><msup><mi>x<\/mi><mn>2<\/mn><\/msup>/);
  });
  it('renders berth-demo fences as the agreed placeholder', () => {
    const html = render('```berth-demo named-volume-persists\nData survives the container.\n```').html;
    expect(html).toContain('<div class="berth-demo-card" data-demo-id="named-volume-persists"><div class="berth-demo-caption">Data survives the container.</div></div>');
  });
  it('gives headings Obsidian-matching anchors, including bold, code and links', () => {
    const out = render('# A **bold** `code` [[Home|link]] heading\n## Dup\n## Dup');
    expect(out.headings.map((h) => h.id)).toEqual(['h-a-bold-code-link-heading', 'h-dup', 'h-dup-1']);
    expect(out.headings[0]?.text).toBe('A bold code link heading');
  });
});

describe('robustness', () => {
  it('handles unclosed code spans and fences, tabs, bold headings, CRLF-normalized text', () => {
    expect(render('an `unclosed span\n\n```\nnever closed').html).toContain('never closed');
    expect(render('- item\n\tcontinued').html).toContain('continued');
    expect(render('## **Bold heading**').headings[0]?.id).toBe('h-bold-heading');
  });
  it('survives 10,000 nesting levels with a readable note', () => {
    const deep = render('- '.repeat(10000) + 'x');
    expect(deep.problems.join(' ')).toMatch(/more than \d+ levels/);
    const quotes = render('>'.repeat(10000) + ' x');
    expect(quotes.html.length).toBeGreaterThan(0);
  });
  it('cuts huge notes and says so', () => {
    const big = render('word '.repeat(600_000));
    expect(big.truncated).toBe(true);
    expect(big.problems[0]).toMatch(/only the first/);
  });
});

describe('inert inline tags', () => {
  it('tells tags that can neither run nor load anything from the rest', () => {
    for (const tag of ['<br>', '<br/>', '<BR />', '<kbd>', '</kbd>', '<sub>', '</sup>', '<mark>'])
      expect(isInertInlineTag(tag), tag).toBe(true);
    for (const tag of ['<br onclick=alert(1)>', '<b style="x">', '<img src=x>', '<a href="#x">', '<script>', '<details>', '<br', '<span>'])
      expect(isInertInlineTag(tag), tag).toBe(false);
  });

  it('a pasted table with <br> and <kbd> keeps them (rendered without the DOM pass)', () => {
    const html = render('| Key | Does |\n| --- | --- |\n| <kbd>Ctrl</kbd>+<kbd>C</kbd> | stops it<br>(SIGINT) |').html;
    expect(html).toContain('<kbd>Ctrl</kbd>+<kbd>C</kbd>');
    expect(html).toContain('stops it<br>(SIGINT)');
  });
});

describe('safety', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](file:///etc/passwd)',
    '[x](data:text/html,<script>alert(1)</script>)',
    '<svg><script>alert(1)</script></svg>',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(https://evil.example/x)">css</div>',
    '<style>body{background:url(https://evil.example)}</style>',
    '<form action="https://evil.example"><input type=submit></form>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<img src="https://evil.example/track.png">',
    '![x](https://evil.example/track.png)',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<object data="x.swf"></object><embed src="x">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  ];
  it.each(payloads)('neutralizes %s', (payload) => {
    const html = render(`before\n\n${payload}\n\nafter`).html;
    expect(html).not.toMatch(/<script|onerror=|onload=|ontoggle=|<iframe|<svg|<style|<form|<object|<embed|<base|<meta|style=/i);
    expect(html).not.toMatch(/(?:href|src)\s*=\s*"?\s*(?:javascript|vbscript|&#)/i);
    expect(html).not.toMatch(/\ssrc="https?:/i);
    expect(html).not.toMatch(/href="(?:file|data):/i);
    // An unclosed <style> swallows the rest of the note (CommonMark HTML block rule), harmlessly.
    if (!payload.includes('<style>') || payload.includes('</style>')) expect(html).toContain('after');
  });
  it.each(payloads)('neutralizes %s in a huge note (tag filter alone, no DOM pass)', (payload) => {
    const filler = 'Filler paragraph with some words.\n\n'.repeat(7000);
    const html = render(`${filler}${payload}\n\nafter`).html.slice(-4000);
    expect(html).not.toMatch(/<script|onerror=|onload=|ontoggle=|<iframe|<svg|<style|<form|<object|<embed|<base|<meta|style=/i);
    expect(html).not.toMatch(/(?<![\w-])(?:href|src)\s*=\s*"?\s*(?:javascript|vbscript|&#|https?:)/i);
  });
  it('drops MathML written as raw HTML, with or without a DOM pass, while formulas are typeset', () => {
    const raw = '<math><mi href="javascript:alert(1)">evil</mi><maction actiontype="x"><mi>y</mi></maction></math> $x$';
    for (const html of [render(raw).html, render(`${'Filler words.\n\n'.repeat(16_000)}${raw}`).html.slice(-2000)]) {
      // Inline raw tags are filtered one by one: their text may stay, as text.
      expect(html).not.toMatch(/javascript|maction|href=|<mi>evil/);
      expect(html.match(/<math/g)).toHaveLength(1);
      expect(html).toContain('<annotation encoding="application/x-tex">x</annotation>');
    }
  });
  it('resolves relative src in raw HTML to vault attachments, and marks missing ones', () => {
    const html = render('<img src="diagram.png" width="120"> <img src="nope.png">').html;
    expect(html).toContain('src="/vault-file/img/diagram.png"');
    expect(html).toContain('data-missing-src="nope.png"');
    expect(html).not.toMatch(/\ssrc="nope.png"/);
  });
  it('keeps harmless inline HTML such as <br>, <kbd> and <sub>', () => {
    const html = render('a<br>b <kbd>Ctrl</kbd> H<sub>2</sub>O <span class="x" onclick="y">s</span>').html;
    expect(html).toContain('a<br>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<sub>2</sub>');
    expect(html).toContain('<span class="x">s</span>');
  });
  it('keeps http(s) and mailto links clickable, marked external', () => {
    const html = render('[a](https://docs.docker.com) <mailto:x@y.z>').html;
    expect(html).toContain('class="external-link" href="https://docs.docker.com"');
    expect(html).toContain('href="mailto:x@y.z"');
  });
});
