import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cluster`: several servers behind nginx on one PostgreSQL, and reports on a streaming replica
 * (test/cluster/). They start real processes (motcua serve, nginx, private PostgreSQL instances) and take a few
 * minutes, so the default run (vitest.config.ts) leaves them out. docs/OPERATIONS.md.
 */
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
