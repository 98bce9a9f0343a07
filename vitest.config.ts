import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'main/**/*.test.ts', 'sim/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Simulator-backed tests open real sockets; keep parallelism modest on 2-core machines.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
