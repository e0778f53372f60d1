/**
 * V8 flags for Berth's web host process. (Not given to Electron: its `--js-flags` would reach
 * the renderer processes too, whose React pages need the default young generation.)
 *
 * The main process routes messages, follows Docker and keeps the vault index; the heavy
 * allocation (markdown parsing, rendering, indexing) happens on worker threads. V8 lets a
 * young generation grow to 2 × 16 MB and keeps it committed while the app rests; for the main
 * isolate 2 × 4 MB is enough. Measured on a quiet machine: RSS at rest (bundled vault, 30 s)
 * 120–164 MB without the flag, 122–123 MB with it; the 5,000-note index (bench:vault with the same
 * flag) 448–549 ms without, 488–597 ms with it (with 2 MB: 600–652 ms, the main thread's
 * search-index fill then spends most of its time in the scavenger). Worker threads get V8's
 * default back (`main/services/vault/worker-entry.ts`).
 */
export const MAIN_PROCESS_V8_FLAGS = ['--max-semi-space-size=4'];
