import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

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
  if (!file.endsWith('.ts')) return new Worker(file);
  const source = JSON.stringify(pathToFileURL(file).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); })`, { eval: true });
}
