/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tanstackRouter } from '@tanstack/router-plugin/vite';

const host = process.env.HOST ?? '127.0.0.1';
const devPort = Number(process.env.DEV_PORT ?? 5173);
// In `npm run dev` the Vite server serves the SPA and forwards API calls to the
// BFF, so the browser still talks to a single origin.
const bffUrl =
  process.env.BFF_URL ?? `http://${host}:${process.env.APP_PORT ?? '3000'}`;

export default defineConfig({
  plugins: [
    // The router plugin must run before react() so route files are split first.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      routesDirectory: './src/app/routes',
      generatedRouteTree: './src/app/routeTree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.tsx?$',
    }),
    react(),
  ],
  server: {
    host,
    port: devPort,
    strictPort: true,
    proxy: { '/api': bffUrl },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
