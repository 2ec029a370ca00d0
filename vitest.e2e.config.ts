import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // One retry absorbs a browser hiccup on a loaded CI machine; a real failure still fails twice.
    retry: 1,
  },
});
