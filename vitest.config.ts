import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// Two projects: browser code runs in a DOM environment, node parts in node.
export default defineConfig({
  test: {
    projects: [
      mergeConfig(viteConfig, {
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/app/**/*.test.{ts,tsx}'],
          setupFiles: ['./src/app/test/setup.ts'],
          // Component tests render whole routes in jsdom; on the 2-core CI
          // machine shared with other work, 5 s (vitest's default) timed out
          // correct tests. Speed is measured in bench/, not here.
          testTimeout: 20_000,
        },
      }),
      {
        // Node resolves `graphql` to its CommonJS entry, and so do packages
        // that import its files by path (graphql-jit); Vite would pick the
        // ESM build for our own imports, making two copies of graphql-js
        // whose types refuse each other. One copy, as in production.
        resolve: {
          alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
        },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/bff/**/*.test.ts',
            'src/tasklist/**/*.test.ts',
            'src/identity/**/*.test.ts',
            'src/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
