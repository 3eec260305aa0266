/// <reference types="vitest/config" />
import path from 'node:path';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import { parse } from 'graphql';
import { transformAsync } from '@babel/core';
import { lingui } from '@lingui/vite-plugin';
import { precompressPlugin } from './scripts/precompress';

const host = process.env.HOST ?? '127.0.0.1';
const devPort = Number(process.env.DEV_PORT ?? 5173);
// In `npm run dev` the Vite server serves the SPA and forwards API calls to the
// BFF, so the browser still talks to a single origin.
const bffUrl =
  process.env.BFF_URL ?? `http://${host}:${process.env.APP_PORT ?? '3000'}`;

const GQL_HELPER = path.resolve(
  import.meta.dirname,
  'src/app/graphql/gql-document.ts',
);
const GQL_TEMPLATE = /\bgql`([^`]*)`/g;
const INTERPOLATION = /\$\{\s*([A-Za-z_$][\w$]*)\s*\}/g;

/**
 * Parses every gql`…` document of the SPA at build time. The browser then
 * gets plain document objects and never downloads the GraphQL parser
 * (about 17 kB gzipped). Interpolated fragments are joined at run time by
 * `gqlDocument`, exactly as graphql-tag would.
 */
function precompileGql(): Plugin {
  return {
    name: 'tasklist-inbox:precompile-gql',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/app\/.*\.tsx?$/.test(id) || !code.includes('gql`'))
        return null;
      const replaced = code.replace(GQL_TEMPLATE, (_match, body: string) => {
        const fragments = [...body.matchAll(INTERPOLATION)].map((m) => m[1]);
        const document = parse(body.replace(INTERPOLATION, ''), {
          noLocation: true,
        });
        return `__gqlDocument(${JSON.stringify(document)}, [${fragments.join(', ')}])`;
      });
      return {
        code: `import { gqlDocument as __gqlDocument } from ${JSON.stringify(GQL_HELPER)};\n${replaced}`,
        map: null,
      };
    },
  };
}

const LINGUI_MACRO = /from ['"]@lingui\/(core|react)\/macro['"]/;

/**
 * Compiles Lingui's macros (`<Trans>`, `t`, `plural`, `msg`) in the SPA's
 * sources. Babel runs only on files that import a macro, parses TypeScript
 * and JSX and leaves both for Vite's own transform. In production builds the
 * macro drops the English source text, so only message ids reach the bundle;
 * the words come from the active catalogue (decision 025).
 */
function linguiMacro(): Plugin {
  return {
    name: 'tasklist-inbox:lingui-macro',
    enforce: 'pre',
    async transform(code, id) {
      // Route files arrive twice: whole, and as the router plugin's split
      // pieces (`?tsr-split=…`), each of which may import a macro.
      const file = id.split('?')[0] ?? id;
      if (!/\/src\/app\/.*\.tsx?$/.test(file) || !LINGUI_MACRO.test(code))
        return null;
      const result = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        parserOpts: { plugins: ['typescript', 'jsx'] },
        plugins: ['@lingui/babel-plugin-lingui-macro'],
      });
      if (!result?.code) return null;
      return { code: result.code, map: result.map };
    },
  };
}

export default defineConfig({
  plugins: [
    precompileGql(),
    linguiMacro(),
    // Lets the SPA import a .po catalogue; it arrives compiled.
    lingui(),
    // The router plugin must run before react() so route files are split first.
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      routesDirectory: './src/app/routes',
      generatedRouteTree: './src/app/routeTree.gen.ts',
      routeFileIgnorePattern: '\\.test\\.tsx?$',
    }),
    react(),
    // Brotli and gzip copies beside the built files; the BFF serves them.
    precompressPlugin(),
  ],
  resolve: {
    // rxjs (Apollo Client's observables) publishes an ES2015 build under the
    // `es2015` export condition and an ES5 one as its default; every browser
    // Vite builds for runs ES2015, and the ES5 build costs 2 kB gzipped of
    // the first load in downlevelled classes and tslib helpers. No other
    // package in the SPA has that condition (ADR 026).
    conditions: ['es2015', ...defaultClientConditions],
  },
  server: {
    host,
    port: devPort,
    strictPort: true,
    // `/graphql` is the BFF's in proxy mode; in direct mode nothing calls it.
    proxy: { '/api': bffUrl, '/graphql': bffUrl },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Built for error reporting, never referenced by the bundles; the BFF
    // refuses to serve them (security.md H65).
    sourcemap: 'hidden',
    // dist/.vite/manifest.json: chunks and their imports, read by
    // scripts/size.ts. The BFF never serves dot-folders (plugins/spa.ts).
    manifest: true,
  },
});
