import { defineConfig } from 'vitest/config';

// `npm run test:stress`: the slow reliability runs (load, long property runs,
// fault soaks) kept out of the normal suite. Files run one after another so
// that their memory and time figures do not disturb each other.
export default defineConfig({
  test: {
    include: ['test/stress/**/*.stress.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
