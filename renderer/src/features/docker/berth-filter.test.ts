import { describe, expect, it } from 'vitest';
import { matchesText, ownerLabel, passesOwnerFilter } from './berth-filter';

describe('owner filter', () => {
  it('shows all, only Berth’s objects, or none of them', () => {
    expect(passesOwnerFilter('demo', 'all')).toBe(true);
    expect(passesOwnerFilter(undefined, 'all')).toBe(true);
    expect(passesOwnerFilter('helper', 'berth')).toBe(true);
    expect(passesOwnerFilter(undefined, 'berth')).toBe(false);
    expect(passesOwnerFilter('base', 'mine')).toBe(false);
    expect(passesOwnerFilter(undefined, 'mine')).toBe(true);
  });

  it('names Berth’s kinds of objects', () => {
    expect(ownerLabel('helper')).toBe('Berth helper');
    expect(ownerLabel('something-new')).toBe('Berth (something-new)');
  });

  it('matches text case-insensitively in any field, and an empty query matches all', () => {
    expect(matchesText('WEB', 'my-web-1', undefined)).toBe(true);
    expect(matchesText('  ', 'x')).toBe(true);
    expect(matchesText('db', 'web', 'busybox')).toBe(false);
  });
});
