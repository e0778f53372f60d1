import { describe, expect, it } from 'vitest';
import { noteDemoBlocks } from '../../demos/vault/note-demo-blocks';
import { LinkResolver } from '../link-resolver';
import { scanNote } from '../note-scan';
import { renderNote, type NoteLookup } from '../render-note';
import { noteNameOf } from '../vault-paths';

function lookupOf(files: Record<string, string>): NoteLookup {
  const resolver = new LinkResolver();
  for (const p of Object.keys(files)) resolver.add(p, []);
  return {
    resolver,
    scanOf: (p) => (files[p] ? scanNote(files[p], noteNameOf(p)) : undefined),
    sourceOf: (p) => files[p] ?? null,
  };
}

const demo = (title: string) =>
  `\`\`\`berth-demo\ntitle: ${title}\nsteps:\n  - title: go\n    action: { kind: run, container: c }\n\`\`\``;

describe('inline demo placeholders', () => {
  it('numbers inline demos like noteDemoBlocks does, skipping catalogue blocks, after comments and front matter', () => {
    const note = [
      '---',
      'tags: [a]',
      '---',
      '# **Volumes**',
      'Some text %% a comment %% and more,',
      '%% a comment',
      'over two lines %%',
      '```berth-demo named-volume-persists',
      'catalogue caption',
      '```',
      demo('first <b>one</b>'),
      '> quoted:',
      '> ```berth-demo yaml',
      '> title: second',
      '> steps: []',
      '> ```',
    ].join('\n');
    const files = { 'Storage/Volumes.md': note };
    const html = renderNote('Storage/Volumes.md', note, lookupOf(files)).html;
    const indexes = [...html.matchAll(/data-vault-demo-index="(\d+)"/g)].map((m) => Number(m[1]));
    expect(indexes).toEqual([0, 1]);
    expect(html).toContain('data-note-path="Storage/Volumes.md"');
    expect(html).toContain('data-demo-id="named-volume-persists"');
    expect(html).toContain('title: first &lt;b&gt;one&lt;/b&gt;');
    expect(
      noteDemoBlocks('Storage/Volumes.md', note).map((b) => [
        b.index,
        b.demo?.title ?? b.problems[0]?.message,
      ]),
    ).toEqual([
      [0, 'first <b>one</b>'],
      [1, expect.stringMatching(/needs at least 1/)],
    ]);
  });

  it('shows an embedded note’s demo as source only, without a runnable placeholder', () => {
    const files = { 'A.md': `![[B]]`, 'B.md': `# B\n\n${demo('in B')}` };
    const html = renderNote('A.md', files['A.md'], lookupOf(files)).html;
    expect(html).not.toContain('data-vault-demo-index');
    expect(html).toContain('open that note to run it');
  });
});
