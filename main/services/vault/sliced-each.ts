/** Longest stretch (ms) the main thread links or indexes notes before letting other work run. */
const SLICE_MS = 12;

/** Yields to the event loop once, after pending I/O. */
export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Calls `step` for each item, yielding to other work every few milliseconds. A step that returns
 * a promise (work that yields on its own, such as a long note indexed in pieces) is awaited.
 */
export async function slicedEach<T>(items: Iterable<T>, step: (item: T) => void | Promise<void>): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    const pending = step(item);
    if (pending) {
      await pending;
      sliceStart = performance.now();
    } else if (performance.now() - sliceStart > SLICE_MS) {
      await tick();
      sliceStart = performance.now();
    }
  }
}
