// Lint, and the layering rules of docs/architecture.md:
//   app/      pure TypeScript: no node:*, no DOM-only libraries, no React, no Electron
//   main/     Node; only main/electron/ may import electron
//   renderer/ reaches main only through its bridge (app/contract); never main/ or node:*
//   sim/      a program of its own: everything outside sim/ reaches it through sim/index only,
//             and it imports nothing of ours outside sim/
//
// ESLint's flat config lets a later block *replace* an earlier block's options for the same
// rule, so each file set below gets exactly one complete `no-restricted-imports` rule.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'tls', 'child_process', 'crypto', 'stream', 'url', 'events', 'zlib', 'util'];
const noNode = (message) => ({
  paths: nodeBuiltins.map((name) => ({ name, message })),
  patterns: [{ group: ['node:*'], message }],
});
// gitignore semantics: the negation must come after the pattern it carves out of.
const simInternals = { group: ['**/sim/**', '!**/sim/index'], message: 'Use sim/index (startSim) only; the simulator is a program of its own.' };
const noElectron = { group: ['electron', 'electron/*'], message: 'Only main/electron/ may import electron.' };
const noRenderer = { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' };

function restrict({ paths = [], patterns = [] }) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

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
    rules: restrict({
      paths: noNode('app/ is pure TypeScript: no Node.').paths,
      patterns: [
        ...noNode('app/ is pure TypeScript: no Node.').patterns,
        { group: ['react', 'react-dom', 'react/*', '@tanstack/*', 'electron', 'electron/*'], message: 'app/ is framework-free.' },
        { group: ['**/main/**', '**/renderer/**', '**/sim/**'], message: 'app/ depends on nothing else of ours.' },
      ],
    }),
  },
  {
    // Tests of app/ may read fixtures from disk (the shared manifests) but still import nothing of ours.
    files: ['app/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict({ patterns: [{ group: ['**/main/**', '**/renderer/**', '**/sim/**'], message: 'app/ depends on nothing else of ours.' }] }),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: restrict({ patterns: [noElectron, noRenderer, simInternals] }),
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: restrict({ patterns: [noRenderer, simInternals] }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict({
      paths: noNode('The renderer is sandboxed: no Node.').paths,
      patterns: [
        ...noNode('The renderer is sandboxed: no Node.').patterns,
        noElectron,
        { group: ['**/main/**', '**/sim/**'], message: 'The renderer reaches main only through its bridge (app/contract).' },
      ],
    }),
  },
  {
    // sim/ stands in for the API server, the thing the rest is tested against, so it shares no
    // code with the client side. That includes app/, pure as it is: if the simulator matched
    // labels or computed pod status with app/'s code, a bug there would be the simulator's too
    // and no test would see it (sim/store/ has its own selectors for that reason). It imports
    // no app/ today.
    files: ['sim/**/*.ts'],
    rules: restrict({
      patterns: [
        noElectron,
        { group: ['**/main/**', '**/renderer/**', '**/e2e/**', '**/bench/**', '**/app/**'], message: 'sim/ is a program of its own: it imports nothing of ours outside sim/.' },
      ],
    }),
  },
  {
    files: ['scripts/**/*', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: restrict({ patterns: [simInternals, noElectron] }),
  },
);
