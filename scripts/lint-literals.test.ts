import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `lingui/no-unlocalized-strings` is what keeps every text of the SPA in the
 * catalogues (decision 025). Its ignore lists decide what counts as code, so
 * they are proven here: probes linted with the project's own options, as if
 * they sat in src/app. The probes run without TypeScript types (virtual
 * files), so the rule's type-based exemptions are off; everything else is
 * the real configuration.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RULE = 'lingui/no-unlocalized-strings';
const PROBE = 'src/app/components/literal-probe.tsx';

let eslint: ESLint;

beforeAll(async () => {
  const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(
    path.join(ROOT, PROBE),
  )) as { rules?: Record<string, unknown> };
  const setting = config.rules?.[RULE];
  if (!Array.isArray(setting)) throw new Error(`${RULE} is not configured`);
  const [severity, options] = setting as [Linter.RuleSeverity, object];
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      tseslint.configs.disableTypeChecked,
      {
        files: ['src/app/**/*.{ts,tsx}'],
        rules: { [RULE]: [severity, { ...options, useTsTypes: false }] },
      },
    ],
  });
});

/** The literals the rule reports in `code`, placed in the SPA. */
async function reported(code: string, file = PROBE): Promise<string[]> {
  const [result] = await eslint.lintText(code, {
    filePath: path.join(ROOT, file),
  });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return result.messages
    .filter((message) => message.ruleId === RULE)
    .map((message) => {
      const line = code.split('\n')[message.line - 1] ?? '';
      return line.trim();
    });
}

describe('user-facing literals in the SPA fail lint', () => {
  it.each([
    ['JSX text', 'export const A = () => <p>Pick a task to work on</p>;'],
    [
      'an accessible name',
      'export const A = () => <button aria-label="Close the dialog" />;',
    ],
    ['a placeholder', 'export const A = () => <input placeholder="Search" />;'],
    [
      'a constant in capitals',
      "const TEXT = 'There is no sign-in to finish here.';\nexport const A = TEXT;",
    ],
    [
      'a table of texts',
      "const TEXT = {\n  title: 'Filter tasks',\n};\nexport const A = TEXT;",
    ],
    [
      'an error shown to people',
      "class SigninError extends Error {}\nexport const e = new SigninError(\n  'The sign-in window was closed.',\n);",
    ],
  ])('%s', async (_what, code) => {
    expect(await reported(code)).not.toEqual([]);
  });
});

describe('code that is not text passes', () => {
  it.each([
    [
      'macros',
      "import { Trans, useLingui } from '@lingui/react/macro';\nexport function A() {\n  const { t } = useLingui();\n  return <p title={t`Your tasks`}><Trans>Pick a task</Trans></p>;\n}",
    ],
    [
      'classes, ids and roles',
      'export const A = () => <div className="app-header app-header--wide" id="main" role="status" data-testid="task-list-scroller" />;',
    ],
    [
      'a storage key',
      "const KEY = 'tasklist-inbox:theme';\nexport const A = KEY;",
    ],
    ['a state constant', "export const STATE = 'CREATED';"],
    [
      'a developer error',
      "throw new Error('index.html has no #root element');",
    ],
    ['a log line', "console.error('Tasklist Inbox could not start');"],
  ])('%s', async (_what, code) => {
    expect(await reported(code)).toEqual([]);
  });
});
