import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';

/** V8's own semi-space size on 64-bit machines, in MB. */
const DEFAULT_SEMI_SPACE_MB = 16;

/**
 * The web host starts with a small young generation for the main isolate
 * (`scripts/main-process-flags.mjs`); a worker parses and renders, so it gets V8's default back.
 * V8 reads the flag when an isolate is made, so this changes workers made from now on only.
 */
function restoreWorkerYoungGeneration(): void {
  if (process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size')))
    v8.setFlagsFromString(`--max-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`);
}

/**
 * Where a built worker entry (`<name>.js`, declared in electron.vite.config.ts) sits beside the
 * built main file or its chunks folder; null when running from TS sources (tsx, vitest).
 */
export function builtEntryFile(name: string, baseUrl: string = import.meta.url): string | null {
  if (!baseUrl.startsWith('file:') || !baseUrl.endsWith('.js')) return null;
  for (const candidate of [`./${name}.js`, `../${name}.js`]) {
    const file = fileURLToPath(new URL(candidate, baseUrl));
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** Starts a worker thread from a built `.js` entry, or from a `.ts` source through the tsx loader (tests, benchmarks). */
export function startWorker(file: string): Worker {
  restoreWorkerYoungGeneration();
  if (!file.endsWith('.ts')) return new Worker(file);
  const source = JSON.stringify(pathToFileURL(file).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); })`, { eval: true });
}
