import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitName } from './middle-ellipsis';

describe('splitName', () => {
  it('keeps the distinguishing end of a compose container name', () => {
    expect(splitName('berth-mxbqtfk0169329_client_1')).toEqual({ head: 'berth-mxbqtfk0169329_', tail: 'client_1' });
  });

  it('leaves short names whole', () => {
    expect(splitName('web_1')).toEqual({ head: 'web_1', tail: '' });
  });

  it('never loses or adds a character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const { head, tail } = splitName(text);
        expect(head + tail).toBe(text);
      }),
    );
  });
});
