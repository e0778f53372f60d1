import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'main/index.ts'),
          'web-host': resolve(root, 'main/web-host.ts'),
          'render-worker': resolve(root, 'main/services/vault/render-worker.ts'),
          'index-worker': resolve(root, 'main/services/vault/index-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(root, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    resolve: { alias: { '@contract': resolve(root, 'main/contract') } },
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; React 19 ships unminified too. Minified, the
      // first screen's script is 0.39 MB instead of 0.91 MB to fetch, parse and compile.
      minify: 'esbuild',
      // Over 500 kB are only mermaid's lazy chunks (elk 1.5 MB, cytoscape, its parsers), loaded
      // when a note draws such a diagram; the first screen's script stays ~0.4 MB.
      chunkSizeWarningLimit: 1600,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
