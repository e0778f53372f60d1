import { describe, expect, it } from 'vitest';
import type { RenderedText } from '../../contract/annotations';
import { anchorTarget, describeRange, headingAt, retarget, SelectionError } from './text-anchor';

const paragraphs = [
  'Volumes',
  'A named volume is storage that Docker manages for you. It lives under /var/lib/docker/volumes and outlives every container that uses it.',
  'Bind mounts',
  'A bind mount maps a folder of the host into the container. Changes on either side are visible at once, which is handy while developing.',
  'tmpfs mounts',
  'A tmpfs mount lives in memory only. Nothing is written to disk and the data is gone when the container stops.',
  'Gotchas',
  'Removing a container does not remove its named volumes; use docker volume prune to reclaim space. The data is gone only when you say so.',
];

function rendered(parts = paragraphs): RenderedText {
  let text = '';
  const headings: RenderedText['headings'] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) headings.push({ offset: text.length, text: part, level: 2 });
    text += `${part}\n`;
  });
  return { text, headings };
}

function select(doc: RenderedText, quote: string, occurrence = 0) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = doc.text.indexOf(quote, index + 1);
  if (index === -1) throw new Error(`quote not in text: ${quote}`);
  return describeRange(doc, index, index + quote.length);
}

describe('describeRange', () => {
  it('keeps 32 characters of context, the position and the heading above', () => {
    const doc = rendered();
    const target = select(doc, 'outlives every container');
    expect(target.quote.exact).toBe('outlives every container');
    expect(target.quote.prefix).toHaveLength(32);
    expect(target.quote.prefix.endsWith('/var/lib/docker/volumes and ')).toBe(true);
    expect(target.quote.suffix.startsWith(' that uses it.')).toBe(true);
    expect(doc.text.slice(target.position.start, target.position.end)).toBe('outlives every container');
    expect(target.heading).toBe('Volumes');
  });

  it('trims whitespace at the edges and refuses blank or out-of-range selections', () => {
    const doc = rendered();
    const index = doc.text.indexOf('tmpfs mount lives');
    const target = describeRange(doc, index - 1, index + 'tmpfs mount lives'.length + 1);
    expect(target.quote.exact).toBe('tmpfs mount lives');
    expect(target.heading).toBe('tmpfs mounts');
    expect(() => describeRange(doc, 10, 5)).toThrow(SelectionError);
    expect(() => describeRange(doc, 0, doc.text.length + 1)).toThrow(/outside the note/);
    const space = doc.text.indexOf(' ');
    expect(() => describeRange(doc, space, space + 1)).toThrow(/only spaces/);
  });

  it('has no heading before the first one', () => {
    expect(headingAt([{ offset: 10, text: 'H', level: 1 }], 3)).toBeNull();
    expect(headingAt([{ offset: 10, text: 'H', level: 1 }], 10)).toBe('H');
  });
});

describe('anchorTarget', () => {
  it('stays at the same position when nothing changed', () => {
    const doc = rendered();
    const target = select(doc, 'visible at once');
    expect(anchorTarget(doc.text, target)).toEqual({
      status: 'anchored',
      method: 'position',
      start: target.position.start,
      end: target.position.end,
    });
  });

  it('follows an insertion before the quote', () => {
    const doc = rendered();
    const target = select(doc, 'Nothing is written to disk');
    const inserted = 'A new paragraph about overlay2 and copy-on-write, added later.\n';
    const text = inserted + doc.text;
    const result = anchorTarget(text, target);
    expect(result.status).toBe('anchored');
    expect(result.method).toBe('quote');
    expect(result.start).toBe(target.position.start + inserted.length);
    expect(text.slice(result.start, result.end)).toBe('Nothing is written to disk');
  });

  it('finds a quote edited inside with a fuzzy match', () => {
    const doc = rendered();
    const target = select(doc, 'maps a folder of the host into the container');
    const text = doc.text.replace('maps a folder of the host into', 'maps a directory of the host machine into');
    const result = anchorTarget(text, target);
    expect(result.status).toBe('anchored');
    expect(result.method).toBe('fuzzy');
    expect(text.slice(result.start, result.end)).toBe('maps a directory of the host machine into the container');
  });

  it('survives deletions around the quote', () => {
    const doc = rendered();
    const target = select(doc, 'use docker volume prune to reclaim space');
    const text = doc.text
      .replace('Removing a container does not remove its named volumes; ', '')
      .replace(' The data is gone only when you say so.', '');
    const result = anchorTarget(text, target);
    expect(result.status).toBe('anchored');
    expect(text.slice(result.start, result.end)).toBe('use docker volume prune to reclaim space');
  });

  it('tells duplicate quotes apart by their context', () => {
    const doc = rendered();
    // "the data is gone" appears twice: in tmpfs mounts and in Gotchas.
    const second = select(doc, 'data is gone', 1);
    expect(second.heading).toBe('Gotchas');
    // An insertion before the first copy shifts both; context picks the right one.
    const text = doc.text.replace('A tmpfs mount', 'Note: a tmpfs mount is fast. A tmpfs mount');
    const result = anchorTarget(text, second);
    expect(result.start).toBe(text.lastIndexOf('data is gone'));
    const first = select(doc, 'data is gone', 0);
    expect(anchorTarget(text, first).start).toBe(text.indexOf('data is gone'));
  });

  it('tells duplicates with identical context apart by position', () => {
    const line = 'Run docker ps to see running containers.\n';
    const doc = rendered(['Intro', line.repeat(3)]);
    const index = doc.text.indexOf('docker ps', doc.text.indexOf('docker ps') + 1);
    const target = describeRange(doc, index, index + 'docker ps'.length);
    const result = anchorTarget(doc.text, target);
    expect(result).toMatchObject({ status: 'anchored', method: 'position', start: index });
  });

  it('orphans an annotation whose whole paragraph was removed', () => {
    const doc = rendered();
    const target = select(doc, 'A tmpfs mount lives in memory only');
    const text = doc.text.replace(`${paragraphs[5]}\n`, '');
    expect(anchorTarget(text, target)).toEqual({ status: 'orphaned', method: 'none', start: -1, end: -1 });
  });

  it('orphans on an empty note and when only a short quote with other context remains', () => {
    const doc = rendered();
    const target = select(doc, 'tmpfs');
    expect(anchorTarget('', target).status).toBe('orphaned');
    expect(anchorTarget('Completely different words about networks and bridges.', target).status).toBe('orphaned');
  });

  it('retarget moves the selectors to the new place with fresh context', () => {
    const doc = rendered();
    const target = select(doc, 'Nothing is written to disk');
    const moved = { text: `Intro line.\n${doc.text}`, headings: doc.headings.map((h) => ({ ...h, offset: h.offset + 12 })) };
    const result = anchorTarget(moved.text, target);
    const next = retarget(moved, target, result);
    expect(next.position.start).toBe(target.position.start + 12);
    expect(next.heading).toBe('tmpfs mounts');
    expect(anchorTarget(moved.text, next).method).toBe('position');
  });
});
