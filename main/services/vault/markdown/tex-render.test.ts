import { describe, expect, it } from 'vitest';
import { createMarkdown } from './create-markdown';
import { katexLoaded } from './tex-render';
import { testRenderEnv } from './test-render-env';

describe('KaTeX loading', () => {
  it('loads only when a note has a formula: not for prose, prices or escaped dollars', () => {
    const md = createMarkdown();
    md.render('# Volumes\n\nNo math here, a [[link]], `code $x$` and costs $5 and $10, \\$x\\$.\n\n```\n$$y$$\n```', testRenderEnv());
    expect(katexLoaded()).toBe(false);
    expect(md.render('then $O(1)$', testRenderEnv())).toContain('<math');
    expect(katexLoaded()).toBe(true);
  });
});
