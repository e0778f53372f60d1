import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingTermSequence, termSequence } from './text-terms';

const word = fc.stringMatching(/^[a-zA-Z0-9äöüé'.\-[\]|#*_`]{1,14}$/);
const gap = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t', ' — ', ', ');
/** Notes of up to ~60 KB: long enough to span several of the pieces `leadingTermSequence` reads. */
const note = fc.array(fc.tuple(word, gap), { maxLength: 5000 }).map((parts) => parts.map(([w, g]) => w + g).join(''));

describe('leadingTermSequence', () => {
  it('gives the first terms of termSequence, whatever the text and the count', () => {
    fc.assert(
      fc.property(note, fc.integer({ min: 0, max: 6000 }), (text, max) => {
        expect(leadingTermSequence(text, max)).toEqual(termSequence(text).slice(0, max));
      }),
      { numRuns: 60 },
    );
  });

  it('handles a text without whitespace longer than one piece', () => {
    const text = `${'docker-volume.'.repeat(3000)} mount`;
    expect(leadingTermSequence(text, 10)).toEqual(termSequence(text).slice(0, 10));
  });
});
