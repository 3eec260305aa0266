// ESLint flat config. Type-aware rules come from typescript-eslint; the import
// boundaries below are the architectural contract between the four parts and
// between the rooms of the SPA (docs/architecture.md). scripts/lint-boundaries.test.ts
// proves every one of them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import pluginRouter from '@tanstack/eslint-plugin-router';
import importX from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import testingLibrary from 'eslint-plugin-testing-library';
import playwright from 'eslint-plugin-playwright';
import lingui from 'eslint-plugin-lingui';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const ROOT = import.meta.dirname;
const NODE_PARTS = ['bff', 'tasklist', 'identity'];

/**
 * Every part may import only itself (plus data files such as the schema).
 * `src/app` never imports node code; node parts never import each other.
 */
const boundaryZones = [
  {
    target: './src/app',
    from: [
      './src/bff',
      './src/tasklist',
      './src/identity',
      './src/launcher.ts',
    ],
    message:
      'The SPA must not import node parts; talk to them over HTTP (docs/architecture.md).',
  },
  ...NODE_PARTS.map((part) => ({
    target: `./src/${part}`,
    from: [
      './src/app',
      './src/launcher.ts',
      ...NODE_PARTS.filter((p) => p !== part).map((p) => `./src/${p}`),
    ],
    message: `src/${part} must not import another part's code; parts talk over HTTP.`,
  })),
  {
    target: './src/launcher.ts',
    from: ['./src/app', './src/bff', './src/tasklist', './src/identity'],
    message: 'The launcher starts parts as processes; it never imports them.',
  },
];

/**
 * The feature folders, read from disk: a new feature gets its zone the
 * moment its folder exists, without anyone editing this file.
 */
const APP_FEATURES = readdirSync(path.join(ROOT, 'src/app/features'), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** The app's wiring: only main.tsx and tests put these together. */
const APP_WIRING = [
  './src/app/main.tsx',
  './src/app/app.tsx',
  './src/app/host-commands.ts',
  './src/app/router.ts',
  './src/app/routeTree.gen.ts',
];
const APP_ABOVE_FEATURES = [
  './src/app/shell',
  './src/app/routes',
  ...APP_WIRING,
];
/** Everything above components/. */
const APP_ABOVE_COMPONENTS = [
  './src/app/features',
  ...APP_ABOVE_FEATURES,
  './src/app/router-context.ts',
];
/** Everything that builds on the SPA's infrastructure (auth/, graphql/, lib/). */
const APP_UPPER_ROOMS = ['./src/app/components', ...APP_ABOVE_COMPONENTS];

/**
 * The rooms of the SPA, lowest first: lib/ → auth/, graphql/ → components/
 * → features/ → shell/ → routes/ → the wiring (router, main.tsx). Imports go
 * down only, and features never reach into each other.
 */
const appZones = [
  ...APP_FEATURES.map((feature) => ({
    target: `./src/app/features/${feature}`,
    from: './src/app/features',
    except: [`./${feature}`],
    message:
      'A feature never imports another feature: a route composes them, and what both need moves down to components/, graphql/ or lib/.',
  })),
  {
    target: './src/app/features',
    from: APP_ABOVE_FEATURES,
    message:
      'Features are put on screen by routes; they never import the shell, routes or the app wiring.',
  },
  {
    target: './src/app/shell',
    from: ['./src/app/features', './src/app/routes', ...APP_WIRING],
    message:
      'The shell frames every page; routes put features into it, never the other way round.',
  },
  {
    target: './src/app/components',
    from: ['./src/app/auth', './src/app/graphql', ...APP_ABOVE_COMPONENTS],
    message:
      'components/ is plain UI: sign-in state and data come in as props. Auth-aware pieces live in shell/.',
  },
  {
    target: './src/app/graphql',
    from: ['./src/app/auth', ...APP_UPPER_ROOMS],
    message:
      'graphql/ gets the user token through the functions createApolloClient is given, never from auth/.',
  },
  {
    target: './src/app/auth',
    from: ['./src/app/graphql', ...APP_UPPER_ROOMS],
    message:
      'auth/ is infrastructure: it knows the OIDC library, not the data layer or the UI.',
  },
  {
    target: './src/app/i18n',
    from: [
      './src/app/auth',
      './src/app/graphql',
      './src/app/components',
      ...APP_ABOVE_COMPONENTS,
    ],
    message:
      'i18n/ (catalogues, the active language, formatting) builds on lib/ only; everything above may use it.',
  },
  {
    target: './src/app/lib',
    from: './src/app',
    except: ['./lib'],
    message: 'lib/ holds plain helpers that import nothing else from the app.',
  },
  {
    // Test helpers (MSW, fake auth, factories) must never reach the bundle.
    target: [
      './src/app/!(test)/**/!(*.test).{ts,tsx}',
      './src/app/!(*.test).{ts,tsx}',
    ],
    from: './src/app/test',
    message: 'Only tests import src/app/test.',
  },
];

/**
 * What the SPA may never import. Node built-ins cannot exist in the browser
 * bundle, and reaching for a server library usually means server code (and
 * with it, secrets) is leaking into the bundle.
 */
const SPA_RESTRICTED_IMPORTS = [
  {
    regex: '^node:',
    message: 'The SPA runs in the browser: no Node built-ins.',
  },
  {
    group: [
      'fs',
      'path',
      'os',
      'child_process',
      'crypto',
      'http',
      'https',
      'net',
      'fastify',
      'fastify/*',
      '@fastify/*',
      'better-sqlite3',
      'oidc-provider',
      'graphql-yoga',
      'pino',
      'prom-client',
    ],
    message: 'This is a server-side module; the SPA must not import it.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.ci-out/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'src/app/routeTree.gen.ts',
      '**/__generated__/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      // Without these, import-x skips TypeScript files when it follows
      // imports, and no-cycle would see no cycle at all.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Resolve extensionless TypeScript imports so the boundary zones see real paths.
      'import-x/resolver-next': [
        importX.createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      'no-duplicate-imports': 'error',
      'import-x/no-restricted-paths': [
        'error',
        { basePath: ROOT, zones: [...boundaryZones, ...appZones] },
      ],
      'check-file/filename-naming-convention': [
        'error',
        { 'src/**/!(routes)/*.{ts,tsx}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { 'src/**/!(__generated__)/': 'KEBAB_CASE' },
      ],
    },
  },
  {
    // Type-only imports do not count: TypeScript resolves those cycles.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // A nudge to split (docs/architecture.md). The SPA and the scripts only:
    // several node-part modules are over the limit and still being worked
    // on; widen `files` once their owners have split them.
    files: ['src/app/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', 'src/app/test/**'],
    rules: {
      'max-lines': [
        'warn',
        { max: 300, skipBlankLines: true, skipComments: true },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: {
      'react-hooks': reactHooks,
      'react-refresh': reactRefresh,
      '@tanstack/router': pluginRouter,
    },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      ...pluginRouter.configs['flat/recommended'].at(0)?.rules,
      'react-refresh/only-export-components': [
        'error',
        { allowConstantExport: true, allowExportNames: ['Route'] },
      ],
      'no-restricted-imports': ['error', { patterns: SPA_RESTRICTED_IMPORTS }],
    },
  },
  {
    // Only src/app/auth knows the OIDC library, so the sign-in rules (storage,
    // renewal, loop guard) live in one place.
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/auth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SPA_RESTRICTED_IMPORTS,
            {
              group: ['oidc-client-ts', 'react-oidc-context'],
              message: 'Use the Auth interface from src/app/auth instead.',
            },
          ],
        },
      ],
      // TanStack Router redirects and not-founds are thrown by design.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            {
              from: 'package',
              package: '@tanstack/router-core',
              name: 'Redirect',
            },
            {
              from: 'package',
              package: '@tanstack/router-core',
              name: 'NotFoundError',
            },
          ],
        },
      ],
    },
  },
  {
    // Every text a user reads comes from the message catalogues (decision
    // 025). A string literal in the SPA is either a translated macro, or
    // code: a CSS class, a key, a URL, an attribute value. The ignores below
    // describe code, so a sentence or a label written as a bare literal fails.
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: [
      '**/*.test.{ts,tsx}',
      'src/app/test/**',
      // FEEL's keywords and built-in function names: code, not words.
      'src/app/features/task-form/camunda-form/form-variable-names.ts',
    ],
    plugins: { lingui },
    rules: {
      ...lingui.configs['flat/recommended'].rules,
      'lingui/no-unlocalized-strings': [
        'error',
        {
          useTsTypes: true,
          ignore: [
            // Identifiers, keys, CSS classes, paths and URLs: one "word"
            // without spaces that does not start with a capital letter.
            '^[^\\sA-Z][^\\s]*$',
            // Constants such as Tasklist states (`CREATED`).
            '^[A-Z][A-Z0-9_]*$',
            // An HTTP authorization header value.
            '^Bearer\\s',
          ],
          ignoreNames: [
            { regex: { pattern: 'className|Class(Name)?$|^classes$' } },
            {
              regex: {
                pattern:
                  '^(data|aria-(controls|describedby|labelledby|live|current|haspopup|hidden|expanded|invalid|relevant))',
              },
            },
            'id',
            'key',
            'to',
            'href',
            'type',
            'role',
            'slot',
            'variant',
            'size',
            'kind',
            'placement',
            'autoComplete',
            'inputMode',
            'dateTime',
            'lang',
            'name',
            'method',
            'target',
            'rel',
            'fragmentName',
            'authorization',
            '__typename',
          ],
          // Matching a server's (English) message is code, not text.
          ignoreMethodsOnTypes: [
            'String.startsWith',
            'String.endsWith',
            'String.includes',
          ],
          ignoreFunctions: [
            'console.*',
            'Error',
            '*.getItem',
            '*.setItem',
            '*.removeItem',
            'document.createElement',
            'document.getElementById',
            'document.querySelector',
            '*.addEventListener',
            '*.removeEventListener',
            '*.setAttribute',
            // CSS values and custom properties: code, not words.
            '*.style.setProperty',
            '*.getAttribute',
            'URLSearchParams',
            '*.searchParams.get',
            'new URL',
            '*.querySelector',
            '*.querySelectorAll',
            '*.closest',
            // Errors for logs and developers, never put on screen.
            'ConfigError',
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.test.{ts,tsx}', 'src/app/test/**/*.{ts,tsx}'],
    ...testingLibrary.configs['flat/react'],
    rules: {
      ...testingLibrary.configs['flat/react'].rules,
      'testing-library/no-debugging-utils': 'error',
      'react-refresh/only-export-components': 'off',
    },
  },
  {
    files: [
      'src/bff/**/*.ts',
      'src/tasklist/**/*.ts',
      'src/identity/**/*.ts',
      'src/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      '*.config.{ts,js}',
      'codegen.ts',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
