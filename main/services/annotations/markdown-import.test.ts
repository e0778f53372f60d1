import { describe, expect, it } from 'vitest';
import { annotationToCallout, exportAnnotationsMarkdown, wikiLink } from './markdown-export';
import { parseAnnotationsMarkdown } from './markdown-import';
import { sampleAnnotation } from './test-support/sample-annotations';

let ids = 0;
const options = { newId: () => `new-${String(++ids).padStart(4, '0')}`, now: () => Date.parse('2026-11-23T12:00:00Z') };

describe('markdown export and import', () => {
  it('round-trips tricky quotes and comments exactly', () => {
    const tricky = sampleAnnotation('Deep/Path/Note.md', {
      target: {
        quote: { exact: 'line one\n\n  indented > not a quote\n%% not a comment %%', prefix: 'p', suffix: 's' },
        position: { start: 1, end: 50 },
        heading: 'A [weird] #heading | with ^chars',
      },
      comment: '> a quote in the comment\n\n**Demo run** mentioned in text\n\n— [[Fake]] footer-looking line\nlast',
      tags: ['a', 'b/c'],
    });
    const markdown = exportAnnotationsMarkdown([tricky], { vaultName: 'V' });
    expect(markdown).toContain('[[Deep/Path/Note#A  weird   heading   with  chars]]'.replace(/\s+/g, ' '));
    const parsed = parseAnnotationsMarkdown(markdown, options);
    expect(parsed.problems).toEqual([]);
    expect(parsed.annotations).toEqual([tricky]);
  });

  it('keeps edits made to the visible quote and comment in Obsidian', () => {
    const annotation = sampleAnnotation('Note.md', { comment: 'old comment' });
    const edited = annotationToCallout(annotation).replace('old comment', 'new comment');
    const [back] = parseAnnotationsMarkdown(edited, options).annotations;
    expect(back?.comment).toBe('new comment');
    expect(back?.id).toBe(annotation.id);
  });

  it('imports hand-written callouts with a link, tags and date', () => {
    const markdown = [
      '# My notes',
      '',
      '> [!quote] Volumes · green',
      '> > volumes outlive containers',
      '>',
      '> I tried it.',
      '>',
      '> — [[Storage/Volumes#Named volumes]] · #docker #exam · 2026-01-05',
    ].join('\n');
    const { annotations, problems } = parseAnnotationsMarkdown(markdown, options);
    expect(problems).toEqual([]);
    expect(annotations[0]).toMatchObject({
      notePath: 'Storage/Volumes.md',
      color: 'green',
      comment: 'I tried it.',
      tags: ['docker', 'exam'],
      target: { quote: { exact: 'volumes outlive containers' }, heading: 'Named volumes' },
      anchor: { status: 'orphaned' },
      createdAt: Date.parse('2026-01-05T00:00:00Z'),
    });
  });

  it('reports blocks it cannot read with their line numbers and imports the rest', () => {
    const good = annotationToCallout(sampleAnnotation('Note.md'));
    const noLink = '> [!quote] Lost\n> > some quote';
    const badMeta = annotationToCallout(sampleAnnotation('Note.md')).replace(/%% berth-annotation \{/, '%% berth-annotation {broken');
    const markdown = [good, '', noLink, '', badMeta].join('\n');
    const { annotations, problems } = parseAnnotationsMarkdown(markdown, options);
    expect(annotations).toHaveLength(2);
    const noLinkLine = markdown.split('\n').indexOf('> [!quote] Lost') + 1;
    expect(problems[0]).toBe(`Line ${noLinkLine}: skipped a callout because it has no [[Note#Heading]] link, so Berth cannot tell which note it belongs to.`);
    expect(problems[1]).toMatch(/hidden berth-annotation data is not valid JSON; imported it from the visible text instead/);
  });

  it('says so when a file has no callouts at all', () => {
    expect(parseAnnotationsMarkdown('# just a note\n\ntext', options).problems).toEqual([
      'No annotations found: the file has no "> [!quote]" callouts.',
    ]);
  });

  it('links notes without the .md extension', () => {
    expect(wikiLink('Storage/Volumes.md', 'Named volumes')).toBe('[[Storage/Volumes#Named volumes]]');
    expect(wikiLink('Top.md', null)).toBe('[[Top]]');
  });
});
