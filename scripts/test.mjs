#!/usr/bin/env node
// `npm test`: every check CI runs, in order, stopping at the first failure.
// Steps are plain commands so each can also be run on its own (see package.json scripts).
import { spawnSync } from 'node:child_process';

const steps = [
  // -b: every layer's project (tsconfig.json references them all), each with its own globals.
  ['type-check (every layer)', 'npx', ['tsc', '-b']],
  ['lint (incl. layering rules)', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['i18n: no hard-coded strings, catalogs complete', 'npx', ['tsx', 'scripts/check-i18n.ts']],
  ['unit + simulator tests', 'npx', ['vitest', 'run']],
];
if (process.env.PILOTHOUSE_SKIP_E2E !== '1') {
  steps.push(['build renderer', 'npx', ['vite', 'build', '--logLevel', 'warn']]);
  steps.push(['e2e (Chromium, web mode + simulator)', 'npx', ['playwright', 'test']]);
}

let passed = 0;
let failed = 0;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status === 0) {
    passed++;
    console.log(`=== ${name}: ok (${secs}s)`);
  } else {
    failed++;
    console.log(`=== ${name}: FAILED (${secs}s)`);
    break;
  }
}
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
