import { describe, expect, it } from 'vitest';
import { readableRefusal } from './use-save-setting';

describe('readableRefusal', () => {
  it('turns main’s validation message into a sentence about the field', () => {
    expect(readableRefusal('Invalid parameters for settings.update: params.dockerHost: must start with unix://, npipe://, tcp:// or ssh://')).toBe(
      'The Docker host must start with unix://, npipe://, tcp:// or ssh://',
    );
    expect(readableRefusal('Invalid parameters for settings.update: params.demoImage: must be an image reference such as busybox:1.36 (no spaces)')).toBe(
      'The demo image must be an image reference such as busybox:1.36 (no spaces)',
    );
  });

  it('leaves other messages alone', () => {
    expect(readableRefusal('Lost connection to Berth.')).toBe('Lost connection to Berth.');
  });
});
