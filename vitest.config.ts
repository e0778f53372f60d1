import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: { alias: { '@contract': path.join(root, 'main/contract') } },
  test: {
    include: ['main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'e2e/support/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // electron-store imports `electron` itself: inline it so a test's stand-in for electron reaches it too.
    server: { deps: { inline: ['electron-store'] } },
    reporters: ['default', ['json', { outputFile: path.join(root, 'test-results', 'unit-results.json') }]],
  },
});
