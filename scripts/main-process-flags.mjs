/**
 * V8 flags for Berth's web host process. (Not given to Electron: its `--js-flags` would reach
 * the renderer processes too, whose React pages need the default young generation.)
 *
 * The main process routes messages, follows Docker and keeps the vault index; the heavy
 * allocation (markdown parsing, rendering, indexing) happens on worker threads. V8 lets a
 * young generation grow to 2 × 16 MB and keeps it committed while the app rests; for the main
 * isolate 2 × 2 MB is plenty (measured with `npm run bench:startup`: RSS at rest 164 → 132 MB,
 * first note unchanged). Worker threads get V8's default back (`main/services/vault/worker-entry.ts`).
 */
export const MAIN_PROCESS_V8_FLAGS = ['--max-semi-space-size=2'];
