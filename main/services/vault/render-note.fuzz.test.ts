/**
 * Generated notes through the full render + sanitise pipeline and the HTML export: random and
 * adversarial markdown (every Obsidian syntax mixed, unbalanced brackets and fences, deep nesting,
 * long lines, control characters, broken surrogates). It must never throw, never take
 * catastrophically long (a ReDoS guard with a generous bound, not a speed test), and its output
 * must keep the sanitiser's invariants: no active elements, no `on*` attributes, no code URLs.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fuzzParams } from '../../testing/fuzz-config';
import { exportNoteHtml } from './export-html';
import { LinkResolver } from './link-resolver';
import { scanNote } from './note-scan';
import { renderNote, type NoteLookup } from './render-note';
import { noteNameOf } from './vault-paths';

const TOKENS = [
  '# ',
  '## ',
  '###### ',
  '**',
  '*',
  '_',
  '~~',
  '==',
  '`',
  '```',
  '```berth-demo\n',
  '~~~',
  '\n',
  '\n\n',
  '> ',
  '> [!warning]- ',
  '> [!note]+ Title\n> ',
  '- ',
  '- [ ] ',
  '- [x] ',
  '1. ',
  '| a | b |\n|---|---|\n',
  '| ',
  ' |',
  '[[',
  ']]',
  '![[',
  '|',
  '#',
  '^block',
  '[',
  '](',
  ')',
  '![',
  '<',
  '>',
  '</',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example">',
  '<svg onload=alert(1)>',
  '<style>*{}</style>',
  '<details open ontoggle=alert(1)>',
  '[x](javascript:alert(1))',
  '[x](vbscript:msgbox)',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '![](https://tracker.example/p.png)',
  '<a href="&#106;avascript:alert(1)">y</a>',
  '%%',
  '$$',
  '$',
  '[^1]',
  '[^1]: note',
  '---\n',
  'tags: [a, b]\n',
  '#tag/nested ',
  '\u0000',
  '\u202e',
  '\ud800',
  '\t',
  '    ',
  'Volumes',
  'docker run -v /data',
  '{{container:x}}',
  '&amp;',
  '&#x3C;script&#x3E;',
  '\\',
  '"',
  "'",
  '=',
  'on',
  'onclick="x()"',
];

const noteText = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...TOKENS),
        fc.string({ maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
      ),
      { maxLength: 120 },
    )
    .map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc
    .integer({ min: 1, max: 400 })
    .map((n) => '> '.repeat(n) + '[['.repeat(n) + '*'.repeat(n) + '`'.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => `| ${'a |'.repeat(n)}\n|${'-|'.repeat(n)}`),
);

const files: Record<string, string> = { 'Home.md': '# Home\n## Part\nText ^b1', 'img/pic.png': '' };
function lookup(extra: Record<string, string>): NoteLookup {
  const all = { ...files, ...extra };
  const resolver = new LinkResolver();
  const scans = new Map(
    Object.entries(all)
      .filter(([p]) => p.endsWith('.md'))
      .map(([p, s]) => [p, scanNote(s, noteNameOf(p))]),
  );
  for (const p of Object.keys(all)) resolver.add(p, scans.get(p)?.aliases ?? []);
  return { resolver, scanOf: (p) => scans.get(p), sourceOf: (p) => all[p] ?? null };
}

const CODE_URL = /^\s*(?:javascript|vbscript|data\s*:\s*text\/html|file):/i;
const ACTIVE =
  'script, iframe, object, embed, frame, frameset, base, meta, link, form, input[type=password], style';

/** The sanitiser's own invariants, checked on a parsed DOM (not on strings). */
function violations(html: string): string[] {
  const found: string[] = [];
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  for (const el of doc.body.querySelectorAll(ACTIVE))
    found.push(`active element <${el.tagName.toLowerCase()}>`);
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name))
        found.push(`event attribute ${attr.name} on <${el.tagName.toLowerCase()}>`);
      if (
        ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset'].includes(
          attr.name.toLowerCase(),
        ) &&
        CODE_URL.test(attr.value)
      ) {
        found.push(`code URL in ${attr.name}: ${attr.value.slice(0, 60)}`);
      }
    }
  }
  return found;
}

describe('markdown pipeline, generated notes', () => {
  it(
    'renders any note without throwing, within a generous bound, and keeps the sanitiser’s invariants',
    { timeout: 300_000 },
    () => {
      fc.assert(
        fc.property(noteText, (source) => {
          const started = performance.now();
          const rendered = renderNote('Fuzz/Note.md', source, lookup({ 'Fuzz/Note.md': source }));
          const ms = performance.now() - started;
          // ReDoS guard: catastrophic backtracking takes seconds on a few KB; normal rendering, ms.
          expect(ms, `render took ${Math.round(ms)} ms for ${source.length} chars`).toBeLessThan(
            5_000 + source.length,
          );
          expect(violations(rendered.html)).toEqual([]);
        }),
        fuzzParams(0.5),
      );
    },
  );

  it('exports any note as a standalone page with the same invariants', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(noteText, (source) => {
        const html = exportNoteHtml(
          { root: '/nonexistent/vault' },
          'Fuzz/Note.md',
          source,
          lookup({ 'Fuzz/Note.md': source }),
        );
        const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
        expect(violations(body)).toEqual([]);
      }),
      fuzzParams(0.25),
    );
  });
});
