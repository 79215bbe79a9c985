import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/engine/**/*.test.ts', 'test/addin/**/*.test.ts', 'test/xlsx/**/*.test.ts'],
  },
});
