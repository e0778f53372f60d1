// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    plugins: { 'react-hooks': reactHooks },
    rules: {
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
