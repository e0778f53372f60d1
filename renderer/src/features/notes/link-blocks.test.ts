// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../../../e2e/support/xss-payloads';
import { isLinkBlocks, linkBlocksFragment } from './link-blocks';
import { sanitizeNoteFragment } from '../../ui/sanitize-note';

const htmlOf = (fragment: DocumentFragment) => {
  const box = document.createElement('div');
  box.append(fragment.cloneNode(true));
  return box.innerHTML;
};

/** The fast path either declines or gives exactly the nodes DOMPurify gives. */
function expectSameAsSanitiser(html: string): boolean {
  const fast = linkBlocksFragment(html);
  if (fast) expect(htmlOf(fast), html).toBe(htmlOf(sanitizeNoteFragment(html)));
  return fast !== null;
}

/** Links the way the main process renders them (wikilink-plugin / link-policy-plugin). */
const unresolved = (target: string, text: string) =>
  `<a class="internal-link is-unresolved" data-unresolved-target="${target}" data-href="${target}|${text}" role="link" tabindex="0">${text}</a>`;
const noteLink = (path: string, anchor: string, text: string) =>
  `<a class="internal-link" href="#${anchor}" data-note-path="${path}" data-anchor="${anchor}" data-href="${path}#${anchor}">${text}</a>`;
const attachment = (path: string) =>
  `<a class="internal-link attachment-link" href="/vault-file/${encodeURIComponent(path)}" data-vault-path="${path}" data-href="${path}">${path}</a>`;

const RENDERED = [
  `<h2 id="h-section-0" data-heading="Section 0">Section 0</h2>\n<p>${unresolved('Docker note 0', 'link 0')} · ${unresolved('Docker note 1', 'link 1')}</p>\n`,
  `<h3 id="h-a-amp-b" data-heading="A &amp; B">A &amp; <code>B</code></h3>\n<p>See ${noteLink('Volumes.md', 'h-named-volumes', 'named &quot;volumes&quot;')} and <strong>${attachment('diagram.pdf')}</strong>.<br>\nNext <em>line</em> &lt;tag&gt; it&#39;s</p>\n`,
  `<ul>\n<li data-line="3">${unresolved('Missing', 'x')}</li>\n<li data-line="4">\n<p>loose</p>\n<ol>\n<li data-line="5">deep <em>${noteLink('A.md', 'h-x', 'a')}</em></li>\n</ol>\n</li>\n</ul>\n`,
  `<p>${noteLink('Note.md', '', 'n')}</p>\n<p><a class="internal-link is-missing-heading" href="#" data-note-path="B.md" data-href="B#Gone" title="That heading or block was not found; the link opens the note.">B</a></p>\n`,
];

describe('linkBlocksFragment', () => {
  it('takes the blocks of links the main process renders, giving the nodes the sanitiser gives', () => {
    for (const html of RENDERED) expect(expectSameAsSanitiser(html), html).toBe(true);
    expect(expectSameAsSanitiser(RENDERED.join(''))).toBe(true);
  });

  it('leaves anything else to the sanitiser', () => {
    for (const html of [
      '<p><a href="javascript:alert(1)">x</a></p>\n',
      '<p><a class="internal-link" href="https://evil.example">x</a></p>\n',
      '<p><a class="internal-link" href="//evil.example">x</a></p>\n',
      '<p><a class="internal-link" href="#x" onclick="alert(1)">x</a></p>\n',
      '<p><a class="internal-link" href="#x" href="#y">x</a></p>\n',
      '<p><a class="external-link" href="#x">x</a></p>\n',
      '<p><a class="internal-link" title="--&gt;&lt;img src=x onerror=alert(1)&gt;">x</a></p>\n',
      '<p title="x">text</p>\n',
      '<h2 id="location" data-heading="x">x</h2>\n',
      '<p>a <img src=x onerror=alert(1)></p>\n',
      '<p>unclosed <strong>x</p>\n',
      '<p><a class="internal-link"><a class="internal-link">nested</a></a></p>\n',
      '<p>x</p>\n<script>alert(1)</script>',
      '<p>x</p>\ntext between blocks\n',
      '<p>a &#106;avascript &nbsp;</p>\n',
      '<li data-line="1">outside a list</li>\n',
      '<ul>\n<li class="task-list-item" data-line="1"><input type="checkbox"></li>\n</ul>\n',
      '<P>upper</P>\n',
      '<p>x</br></p>\n',
      '<!-- comment --><p>x</p>\n',
    ])
      expect(linkBlocksFragment(html), html).toBeNull();
  });

  it('declines or matches the sanitiser on the XSS corpus, inside and around rendered blocks', () => {
    for (const payload of XSS_PAYLOADS) {
      for (const html of [payload, `<p>${payload}</p>\n`, `${RENDERED[0]}${payload}`, `<p>${unresolved('T', payload)}</p>\n`]) expectSameAsSanitiser(html);
    }
  });

  it('declines or matches the sanitiser on generated blocks with hostile pieces mixed in', () => {
    const word = fc.constantFrom('link 0', 'Größe', 'a &amp; b', '&lt;b&gt;', 'it&#39;s', '“x”', 'javascript:alert(1)', '--&gt;', '', ' · ', '\u00a0x\u2028');
    const piece = fc.oneof(
      { weight: 4, arbitrary: word },
      { weight: 3, arbitrary: fc.tuple(word, word).map(([t, x]) => unresolved(t, x)) },
      { weight: 2, arbitrary: fc.tuple(word, word).map(([p, x]) => noteLink(p, `h-${p.replace(/[^a-z0-9-]/g, '')}`, x)) },
      { weight: 1, arbitrary: word.map((w) => `<strong>${w}</strong>`) },
      { weight: 1, arbitrary: word.map((w) => `<code>${w}</code>`) },
      { weight: 1, arbitrary: fc.constantFrom('<br>\n', '<em>', '</em>', '</a>', '<a class="internal-link" href="#h-x">', '<p>', '</p>\n', '<ul>\n', '</ul>\n', '<li data-line="2">', '</li>\n') },
      { weight: 1, arbitrary: fc.constantFrom(...XSS_PAYLOADS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
    const block = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((pieces) => `<p>${pieces.join('')}</p>\n`),
      fc.tuple(word, fc.array(piece, { maxLength: 4 })).map(([w, pieces]) => `<h2 id="h-s" data-heading="${w}">${pieces.join('')}</h2>\n`),
      fc.array(fc.array(piece, { maxLength: 4 }), { maxLength: 3 }).map((items) => `<ul>\n${items.map((p, i) => `<li data-line="${i + 1}">${p.join('')}</li>\n`).join('')}</ul>\n`),
    );
    let taken = 0;
    fc.assert(
      fc.property(fc.array(block, { maxLength: 4 }), (blocks) => {
        if (expectSameAsSanitiser(blocks.join(''))) taken++;
      }),
      // A fixed seed in `npm test`; `FUZZ_RUNS=5000` searches further (as the main process's fuzz tests).
      { seed: 20261206, numRuns: Number(process.env.FUZZ_RUNS ?? 300), endOnFailure: true },
    );
    expect(taken).toBeGreaterThan(0);
  });

  it('checks the grammar without building anything', () => {
    expect(isLinkBlocks('')).toBe(true);
    expect(isLinkBlocks('<p>x</p>\n<p>')).toBe(false);
  });
});
