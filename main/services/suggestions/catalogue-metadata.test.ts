import { describe, expect, it } from 'vitest';
import { builtInCatalogue } from '../demos/catalogue';
import { termsOf } from './text-terms';

const catalogue = builtInCatalogue();

describe('catalogue metadata for suggestions', () => {
  it.each(catalogue.map((demo) => [demo.id, demo] as const))(
    '%s declares claims, keywords and headings',
    (_id, demo) => {
      expect(demo.claims?.length ?? 0).toBeGreaterThan(0);
      expect(demo.keywords?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(demo.headings?.length ?? 0).toBeGreaterThan(0);
      // Keywords must leave words once stop words are dropped, or they can never match.
      expect(
        (demo.keywords ?? []).filter((keyword) => termsOf(keyword).length > 0).length,
      ).toBeGreaterThanOrEqual(3);
    },
  );

  it('gives every misconception a correction and words to match', () => {
    for (const demo of catalogue) {
      for (const misconception of demo.misconceptions ?? []) {
        expect(
          termsOf(misconception.claim).length,
          `${demo.id}: ${misconception.claim}`,
        ).toBeGreaterThanOrEqual(3);
        expect(misconception.correction.length).toBeGreaterThan(20);
      }
    }
  });
});
