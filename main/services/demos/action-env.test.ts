import { describe, expect, it } from 'vitest';
import { abortable, CancelledError } from './action-env';

describe('abortable', () => {
  it('rejects at once on an aborted signal and leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const controller = new AbortController();
      controller.abort();
      const late = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('409 marked for removal')), 5),
      );
      await expect(abortable(late, controller.signal)).rejects.toBeInstanceOf(CancelledError);
      await new Promise((r) => setTimeout(r, 30));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('settles with the promise when not aborted', async () => {
    await expect(abortable(Promise.resolve(3), new AbortController().signal)).resolves.toBe(3);
  });
});
