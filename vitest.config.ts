import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that compare heap sizes after full collections, and so need `gc` (--expose-gc) in their worker. */
const NEEDS_GC = ['test/lsp/long-session.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...NEEDS_GC] } },
      { extends: true, test: { name: 'gc', include: NEEDS_GC, execArgv: ['--expose-gc'] } },
    ],
  },
});
