import { defineConfig } from 'vitest/config';

/** Real editors against the built server and the packaged extension: `npm run test:e2e` (after scripts/e2e-setup.sh). */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
