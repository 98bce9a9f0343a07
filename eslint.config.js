// Lint, and the layering rules of docs/architecture.md:
//   app/      pure TypeScript: no node:*, no DOM-only libraries, no React, no Electron
//   main/     Node; only main/electron/ may import electron
//   renderer/ reaches main only through its bridge (app/contract); never main/ or node:*
//   sim/      a program of its own: nothing outside sim/ (but bench/ and e2e/ via sim/index) imports its internals
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'tls', 'child_process', 'crypto', 'stream', 'url', 'events', 'zlib', 'util'];
const simInternals = { group: ['**/sim/*', '!**/sim/index', '**/sim/**/*'], message: 'Use sim/index (startSim) only; the simulator is a program of its own.' };
const noElectron = { group: ['electron', 'electron/*'], message: 'Only main/electron/ may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.sim/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['app/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'app/ is pure TypeScript: no Node.' })),
        patterns: [
          { group: ['node:*'], message: 'app/ is pure TypeScript: no Node.' },
          { group: ['react', 'react-dom', 'react/*', '@tanstack/*', 'electron'], message: 'app/ is framework-free.' },
          { group: ['**/main/**', '**/renderer/**', '**/sim/**'], message: 'app/ depends on nothing else of ours.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noElectron, { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer is sandboxed: no Node.' })),
        patterns: [
          { group: ['node:*'], message: 'The renderer is sandboxed: no Node.' },
          noElectron,
          { group: ['**/main/**', '**/sim/**'], message: 'The renderer reaches main only through its bridge (app/contract).' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts', 'app/**/*.ts', 'scripts/**/*', 'e2e/**/*.ts', 'bench/**/*.ts'],
    ignores: ['main/**/*.test.ts', 'e2e/**', 'bench/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [simInternals, noElectron] }],
    },
  },
);
