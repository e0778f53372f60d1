/**
 * Cancelled renders, shared between the render pool and its worker (a `SharedArrayBuffer`), so a
 * render busy on the worker sees its cancellation at its next checkpoint without waiting for a
 * message. A render's slot is its id modulo the number of slots; the slot holds the id once cancelled.
 */

const SLOTS = 256;

/** The shared flags, all clear. */
export function createCancelFlags(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
}

/** Marks render `id` cancelled. */
export function cancel(flags: Int32Array, id: number): void {
  Atomics.store(flags, id % flags.length, id);
}

/** True when render `id` was cancelled. */
export function isCancelled(flags: Int32Array, id: number): boolean {
  return Atomics.load(flags, id % flags.length) === id;
}
