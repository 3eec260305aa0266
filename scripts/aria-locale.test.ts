import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * react-aria speaks the page's language only inside `AriaLocale`
 * (src/app/i18n/aria-locale.tsx); outside it, it follows the browser's.
 * There is no provider around the whole app, so react-aria stays off the
 * first load: every module that renders react-aria components wraps them
 * itself. This test holds each of them to that.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP = path.join(ROOT, 'src/app');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'test' || entry.name === '__generated__'
        ? []
        : sources(full);
    }
    // Components live in .tsx; a .ts module (a toast queue) renders nothing.
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx')
      ? [full]
      : [];
  });
}

/** Whether a module imports values (not only types) from react-aria-components. */
export function importsReactAria(code: string): boolean {
  return [
    ...code.matchAll(
      /import\s+(type\s+)?[^;]*?from\s+['"]react-aria-components['"]/g,
    ),
  ].some((match) => !match[1]);
}

const users = sources(APP)
  .filter((file) => !file.endsWith(path.join('i18n', 'aria-locale.tsx')))
  .filter((file) => importsReactAria(readFileSync(file, 'utf8')))
  .map((file) => path.relative(ROOT, file));

describe('react-aria follows the language the inbox speaks', () => {
  it('is used by some modules (the test looks in the right place)', () => {
    expect(users.length).toBeGreaterThan(2);
  });

  it.each(users)(
    '%s renders its react-aria components in AriaLocale',
    (file) => {
      const code = readFileSync(path.join(ROOT, file), 'utf8');
      expect(code).toMatch(/<AriaLocale>/);
    },
  );

  it('tells value imports from type-only ones', () => {
    expect(
      importsReactAria("import { Dialog } from 'react-aria-components';"),
    ).toBe(true);
    expect(
      importsReactAria("import type { Key } from 'react-aria-components';"),
    ).toBe(false);
  });
});
