import { describe, expect, it } from 'vitest';
import { describeMount } from './mount-mode';

describe('describeMount', () => {
  it('says read-write or read-only and leaves out Docker defaults such as z', () => {
    expect(describeMount(true, 'z')).toBe('read-write');
    expect(describeMount(false, 'ro,z')).toBe('read-only');
    expect(describeMount(true, '')).toBe('read-write');
  });

  it('puts the flags that change behaviour in words', () => {
    expect(describeMount(true, 'nocopy')).toBe('read-write · image files not copied in');
    expect(describeMount(false, 'Z')).toBe('read-only · private SELinux label');
    expect(describeMount(undefined, undefined)).toBe('');
  });
});
