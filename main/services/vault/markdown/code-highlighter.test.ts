import { createRequire } from 'node:module';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import { describe, expect, it } from 'vitest';
import { COMMON_ALIASES, highlighterFor } from './code-highlighter';

const requireHere = createRequire(import.meta.url);
const core = requireHere('highlight.js/lib/core') as HLJSApi;
const definitionOf = (file: string) =>
  (requireHere(`highlight.js/lib/languages/${file}`) as LanguageFn)(core);

const html = '<style>p { color: red }</style>\n<script>const answer = 42;</script>';

describe('code highlighter', () => {
  // The first tests run before anything loads every language (the fallback below does).
  let lazyHtml = '';
  it('registers only the language a fence names, and those it embeds', () => {
    const hljs = highlighterFor('dockerfile');
    expect(hljs?.highlight('RUN echo hi', { language: 'dockerfile' }).value).toContain(
      'hljs-keyword',
    );
    expect(core.listLanguages()).toEqual(expect.arrayContaining(['dockerfile', 'bash']));
    expect(core.listLanguages().length).toBeLessThan(10);
    lazyHtml = highlighterFor('html')!.highlight(html, { language: 'html' }).value;
    expect(core.listLanguages()).toEqual(expect.arrayContaining(['xml', 'css', 'javascript']));
    expect(lazyHtml).toContain('language-css');
    expect(lazyHtml).toContain('language-javascript');
  });

  it('knows nothing of a name that is neither a language nor an alias, and names are never paths', () => {
    expect(highlighterFor('../../../package')).toBeUndefined();
    expect(highlighterFor('constructor')).toBeUndefined();
    expect(highlighterFor('not-a-language')).toBeUndefined();
  });

  it('highlights like the whole library once it has loaded everything (an unusual alias)', () => {
    // "objectivec" is an alias "mm" that the common table does not hold.
    expect(
      highlighterFor('mm')?.highlight('@interface A : NSObject\n@end', { language: 'mm' }).value,
    ).toContain('hljs-');
    expect(core.listLanguages().length).toBeGreaterThan(150);
    expect(highlighterFor('html')!.highlight(html, { language: 'html' }).value).toBe(lazyHtml);
  });

  it('maps every common alias to the language file highlight.js itself gives it', () => {
    for (const [alias, file] of Object.entries(COMMON_ALIASES)) {
      expect([definitionOf(file).aliases ?? []].flat(), `${alias} → ${file}`).toContain(alias);
      expect(core.getLanguage(alias), alias).toBe(core.getLanguage(file));
    }
  });
});
