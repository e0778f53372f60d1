// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import path from 'node:path';

/**
 * Renderer features do not import each other: they meet through the api, the pane and command
 * registries (`features/commands` via its index) and the UI kit (`renderer/src/ui`). The shell is
 * the composition root and may mount any feature.
 */
const featureBoundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename.replaceAll('\\', '/');
    const match = /\/renderer\/src\/features\/([^/]+)\//.exec(file);
    if (!match || match[1] === 'shell') return {};
    const own = match[1];
    const dir = file.slice(0, file.lastIndexOf('/'));
    return {
      ImportDeclaration(node) {
        const source = String(node.source.value);
        if (!source.startsWith('.')) return;
        const resolved = path.posix.normalize(`${dir}/${source}`);
        const target = /\/renderer\/src\/features\/([^/]+)(\/.*)?$/.exec(resolved);
        if (!target || target[1] === own) return;
        if (target[1] === 'commands' && !target[2]) return;
        context.report({
          node,
          message: `features/${own} may not import features/${target[1]}: share it through renderer/src/ui, the api, or a registry.`,
        });
      },
    };
  },
};

const ipcOnlyInRpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only main/rpc/ and main/preload.ts talk IPC; declare a contract method instead.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'notes/**', 'bench/.tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [ipcOnlyInRpc] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The renderer reaches the main process only through the contract (alias @contract).
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, berth: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      'berth/feature-boundaries': 'error',
      // The contract's index builds every zod schema of every feature as it loads (hundreds of ms
      // of the page's start): the renderer takes types from it, and values from schema-free files.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@contract',
              allowTypeImports: true,
              message: 'Import values from a schema-free contract file (e.g. @contract/app-menu); only types from @contract.',
            },
          ],
        },
      ],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer is sandboxed: use the API client (renderer/src/api).' },
            ...['fs', 'path', 'child_process', 'os'].flatMap((m) => [
              { name: m, message: 'The renderer has no Node.js; ask the main process through the contract.' },
              { name: `node:${m}`, message: 'The renderer has no Node.js; ask the main process through the contract.' },
            ]),
          ],
          patterns: [
            {
              group: ['**/main/**', '!**/main/contract', '!**/main/contract/**'],
              message: 'The renderer may import only main/contract (as @contract).',
            },
          ],
        },
      ],
    },
  },
  {
    // Services are plain TypeScript: no Electron at all.
    files: ['main/services/**/*.ts', 'main/contract/**/*.ts', 'main/app/**/*.ts', 'main/web/**/*.ts', 'main/web-host.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services, the contract, the app core and web mode run without Electron.' }] },
      ],
    },
  },
  {
    // The IPC transport and the preload are the only places that touch ipcMain / ipcRenderer.
    files: ['main/rpc/**/*.ts', 'main/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs,js}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
