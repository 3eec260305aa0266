import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/**
 * The sign-in area: the pages of signing in and out, and the session-expired
 * dialog. Their routes and the dialog's lazy import load it (decision 025);
 * `auth/` throws its sentences only on those paths.
 */
const SIGN_IN = [
  '<rootDir>/src/app/auth/**',
  '<rootDir>/src/app/routes/login.tsx',
  '<rootDir>/src/app/routes/auth.callback.tsx',
  '<rootDir>/src/app/routes/signed-out.tsx',
  '<rootDir>/src/app/shell/sign-in-page.tsx',
  '<rootDir>/src/app/shell/popup-sign-in.tsx',
  '<rootDir>/src/app/shell/popup-failure.ts',
  '<rootDir>/src/app/shell/session-expired-dialog.tsx',
];

/**
 * The inbox's parts that load after the list, each through `withCatalogue`
 * with this area: the filter, save and delete dialogs, the chips, saved
 * filters with export and import, and the keyboard shortcuts.
 */
const INBOX_TOOLS = [
  ...[
    'inbox-dialogs',
    'filter-dialog',
    'filter-form-fields',
    'filter-combo-fields',
    'filter-form',
    'save-filter-dialog',
    'delete-filter-dialog',
    'saved-filter-menu',
    'saved-filters-section',
    'saved-filters-file',
    'process-items',
    'filter-chips',
    'filter-chip-labels',
    'use-list-keyboard',
  ].map((name) => `<rootDir>/src/app/features/task-inbox/${name}.{ts,tsx}`),
  '<rootDir>/src/app/shell/keyboard-shortcuts.tsx',
  '<rootDir>/src/app/shell/keyboard-shortcuts-dialog.tsx',
];

/**
 * The SPA's message catalogues (docs/decisions/025-lingui-for-translations.md).
 * English is the source: `npm run i18n:extract` reads the macros in src/app
 * and writes every catalogue; translators fill in de, es and fr.
 */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'de', 'es', 'fr'],
  fallbackLocales: { default: 'en' },
  // One catalogue per area, each loaded with the code that shows it: `app`
  // with the first page, `inbox-tools` with the inbox's lazy parts, `sign-in` with the sign-in routes and the
  // session-expired dialog, `task` with the task route (its details, form
  // and variables), `processes` with /processes. A route's error panel stays
  // in `app`, because it must speak even when its area could not be fetched.
  catalogs: [
    {
      path: '<rootDir>/src/app/i18n/locales/{locale}/inbox-tools',
      include: INBOX_TOOLS,
      exclude: ['**/*.test.*'],
    },
    {
      path: '<rootDir>/src/app/i18n/locales/{locale}/sign-in',
      include: SIGN_IN,
      exclude: ['**/*.test.*'],
    },
    {
      path: '<rootDir>/src/app/i18n/locales/{locale}/task',
      include: [
        '<rootDir>/src/app/features/task-details',
        '<rootDir>/src/app/features/task-form',
      ],
      exclude: [
        '**/*.test.*',
        '<rootDir>/src/app/features/task-details/task-error-panel.tsx',
      ],
    },
    {
      path: '<rootDir>/src/app/i18n/locales/{locale}/processes',
      include: ['<rootDir>/src/app/features/processes'],
      exclude: [
        '**/*.test.*',
        '<rootDir>/src/app/features/processes/processes-error-panel.tsx',
      ],
    },
    {
      path: '<rootDir>/src/app/i18n/locales/{locale}/app',
      include: ['<rootDir>/src/app'],
      exclude: [
        '**/*.test.*',
        '<rootDir>/src/app/test/**',
        '**/__generated__/**',
        '<rootDir>/src/app/features/task-details/!(task-error-panel).*',
        '<rootDir>/src/app/features/task-form/**',
        '<rootDir>/src/app/features/processes/!(processes-error-panel).*',
        ...SIGN_IN,
        ...INBOX_TOOLS,
      ],
    },
  ],
  // Origins without line numbers: translators see where a message lives, and
  // moving code does not rewrite every catalogue.
  format: formatter({ origins: true, lineNumbers: false }),
  orderBy: 'message',
});
