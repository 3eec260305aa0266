import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules are the architecture's main promise (docs/architecture.md):
 * the SPA holds no server code, its rooms import downwards only, and nothing
 * forms a cycle. Each rule is proven here by linting a small probe with the
 * project's real config, as if it sat at a given path. Probes are virtual
 * (`ESLint#lintText` with a `filePath`): nothing is written to disk.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ZONES = 'import-x/no-restricted-paths';
const IMPORTS = 'no-restricted-imports';

let eslint: ESLint;

beforeAll(() => {
  // The TypeScript project service only knows files on disk, and none of the
  // rules proven here needs type information, so probes skip it.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: [
      tseslint.configs.disableTypeChecked,
      // Reads TypeScript types, which the probes here run without.
      {
        files: ['src/app/**/*.{ts,tsx}'],
        rules: { 'lingui/no-unlocalized-strings': 'off' },
      },
    ],
  });
});

/** Lints `code` as the file at `file` (relative to the repository root). */
async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, {
    filePath: path.join(ROOT, file),
  });
  if (!result) throw new Error(`no lint result for ${file}`);
  const fatal = result.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return result.messages;
}

/** The rules a side-effect import of `target` from a probe at `from` breaks. */
async function rulesBrokenByImport(
  from: string,
  target: string,
): Promise<(string | null)[]> {
  let specifier = path.posix
    .relative(path.posix.dirname(from), target)
    .replace(/\.tsx?$/, '');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  const messages = await lint(from, `import '${specifier}';\n`);
  return messages.map((message) => message.ruleId);
}

/** The first module of a folder that is not a test: a real import target. */
function moduleIn(folder: string): string {
  const file = readdirSync(path.join(ROOT, folder))
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .sort()[0];
  if (!file) throw new Error(`${folder} has no module to import`);
  return `${folder}/${file}`;
}

describe('parts meet only over HTTP', () => {
  const PARTS = ['app', 'bff', 'tasklist', 'identity', 'launcher'] as const;
  const probe = {
    app: 'src/app/lint-probe.ts',
    bff: 'src/bff/lint-probe.ts',
    tasklist: 'src/tasklist/lint-probe.ts',
    identity: 'src/identity/lint-probe.ts',
    launcher: 'src/launcher.ts',
  };
  const target = {
    app: 'src/app/lib/dates.ts',
    bff: 'src/bff/app.ts',
    tasklist: 'src/tasklist/app.ts',
    identity: 'src/identity/app.ts',
    launcher: 'src/launcher.ts',
  };
  const pairs = PARTS.flatMap((from) =>
    PARTS.filter((to) => !(from === 'launcher' && to === 'launcher')).map(
      (to) => [from, to] as const,
    ),
  );

  it.each(pairs)('%s importing %s', async (from, to) => {
    const broken = await rulesBrokenByImport(probe[from], target[to]);
    if (from === to) expect(broken).not.toContain(ZONES);
    else expect(broken).toContain(ZONES);
  });
});

describe('the SPA never imports server code', () => {
  async function serverModules(): Promise<string[]> {
    const config = (await eslint.calculateConfigForFile(
      path.join(ROOT, 'src/app/auth/lint-probe.ts'),
    )) as Linter.Config;
    const [, options] = config.rules?.[IMPORTS] as [
      unknown,
      { patterns: { group?: string[]; regex?: string }[] },
    ];
    return options.patterns.flatMap((pattern) =>
      pattern.regex === '^node:'
        ? ['node:fs']
        : (pattern.group ?? []).map((name) => name.replace('*', 'probe')),
    );
  }

  it('rejects every Node built-in and server library the config lists', async () => {
    const modules = await serverModules();
    expect(modules).toEqual(
      expect.arrayContaining(['node:fs', 'fastify', 'better-sqlite3']),
    );
    for (const name of modules) {
      const messages = await lint(
        'src/app/lib/lint-probe.ts',
        `import '${name}';\n`,
      );
      expect(
        messages.map((message) => message.ruleId),
        name,
      ).toContain(IMPORTS);
    }
  });

  it('lets the node parts use them', async () => {
    const messages = await lint(
      'src/bff/lint-probe.ts',
      "import 'node:fs';\nimport 'fastify';\n",
    );
    expect(messages.map((message) => message.ruleId)).not.toContain(IMPORTS);
  });

  it.each(['oidc-client-ts', 'react-oidc-context'])(
    'keeps %s inside src/app/auth',
    async (name) => {
      const code = `import '${name}';\n`;
      const outside = await lint('src/app/shell/lint-probe.ts', code);
      const inside = await lint('src/app/auth/lint-probe.ts', code);
      expect(outside.map((message) => message.ruleId)).toContain(IMPORTS);
      expect(inside.map((message) => message.ruleId)).not.toContain(IMPORTS);
    },
  );
});

describe('the rooms of the SPA import downwards only', () => {
  const FEATURES = readdirSync(path.join(ROOT, 'src/app/features'), {
    withFileTypes: true,
  })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const FEATURE = FEATURES[0] ?? '';

  type Room =
    | 'lib'
    | 'auth'
    | 'graphql'
    | 'components'
    | 'features'
    | 'shell'
    | 'routes'
    | 'wiring';

  /** Where a probe in each room sits. */
  const PROBE: Record<Room, string> = {
    lib: 'src/app/lib/lint-probe.ts',
    auth: 'src/app/auth/lint-probe.ts',
    graphql: 'src/app/graphql/lint-probe.ts',
    components: 'src/app/components/lint-probe.tsx',
    features: `src/app/features/${FEATURE}/lint-probe.tsx`,
    shell: 'src/app/shell/lint-probe.tsx',
    routes: 'src/app/routes/lint-probe.tsx',
    wiring: 'src/app/lint-probe.ts',
  };

  /** Real modules of each room (and the router context, a room of its own). */
  const TARGETS: [string, string][] = [
    ['lib', moduleIn('src/app/lib')],
    ['auth', moduleIn('src/app/auth')],
    ['graphql', moduleIn('src/app/graphql')],
    ['components', moduleIn('src/app/components')],
    ['features', moduleIn(`src/app/features/${FEATURE}`)],
    ['shell', moduleIn('src/app/shell')],
    ['routes', moduleIn('src/app/routes')],
    ['router-context', 'src/app/router-context.ts'],
    ['wiring', 'src/app/router.ts'],
    ['wiring', 'src/app/main.tsx'],
    ['wiring', 'src/app/app.tsx'],
    ['wiring', 'src/app/routeTree.gen.ts'],
  ];

  /** The rules of docs/architecture.md ("Rooms of the SPA"). */
  const MAY_IMPORT: Record<Room, string[]> = {
    lib: ['lib'],
    auth: ['lib', 'auth'],
    graphql: ['lib', 'graphql'],
    components: ['lib', 'components'],
    features: [
      'lib',
      'auth',
      'graphql',
      'components',
      'features',
      'router-context',
    ],
    shell: ['lib', 'auth', 'graphql', 'components', 'shell', 'router-context'],
    routes: TARGETS.map(([room]) => room),
    wiring: TARGETS.map(([room]) => room),
  };

  const pairs = (Object.keys(PROBE) as Room[]).flatMap((from) =>
    TARGETS.map(
      ([room, file]) =>
        [from, room, file, MAY_IMPORT[from].includes(room)] as const,
    ),
  );

  it.each(pairs)(
    '%s importing %s (%s): allowed %s',
    async (from, _room, file, allowed) => {
      const broken = await rulesBrokenByImport(PROBE[from], file);
      if (allowed) expect(broken).not.toContain(ZONES);
      else expect(broken).toContain(ZONES);
    },
  );

  it('has more than one feature to keep apart', () => {
    expect(FEATURES.length).toBeGreaterThan(1);
  });

  // Zones come from the folders on disk, so a new feature is covered at once.
  const featurePairs = FEATURES.flatMap((from) =>
    FEATURES.map((to) => [from, to] as const),
  );

  it.each(featurePairs)('feature %s importing feature %s', async (from, to) => {
    const broken = await rulesBrokenByImport(
      `src/app/features/${from}/nested/lint-probe.ts`,
      moduleIn(`src/app/features/${to}`),
    );
    if (from === to) expect(broken).not.toContain(ZONES);
    else expect(broken).toContain(ZONES);
  });

  it('says why when a feature reaches into another', async () => {
    const [from, to] = FEATURES;
    const messages = await lint(
      `src/app/features/${from ?? ''}/lint-probe.ts`,
      `import '../${to ?? ''}/${path.basename(moduleIn(`src/app/features/${to ?? ''}`)).replace(/\.tsx?$/, '')}';\n`,
    );
    expect(messages.map((message) => message.message)).toEqual([
      expect.stringContaining('A feature never imports another feature'),
    ]);
  });

  it('keeps test helpers out of the bundle, and lets tests use them', async () => {
    const helper = 'src/app/test/factories.ts';
    for (const file of [
      PROBE.features,
      PROBE.components,
      PROBE.wiring,
      'src/app/features/task-form/camunda-form/lint-probe.ts',
    ]) {
      expect(await rulesBrokenByImport(file, helper), file).toContain(ZONES);
    }
    for (const file of [
      `src/app/features/${FEATURE}/lint-probe.test.tsx`,
      'src/app/lint-probe.test.ts',
      'src/app/test/lint-probe.ts',
    ]) {
      expect(await rulesBrokenByImport(file, helper), file).not.toContain(
        ZONES,
      );
    }
  });
});

describe('no import cycles', () => {
  // task-list.tsx renders TaskListItem, so task-list-item importing the list
  // back closes a cycle.
  const LIST = 'src/app/features/task-inbox/task-list.tsx';
  const ITEM = 'src/app/features/task-inbox/task-list-item.tsx';

  it('starts from a real value import', () => {
    expect(readFileSync(path.join(ROOT, LIST), 'utf8')).toMatch(
      /import \{ TaskListItem \} from '\.\/task-list-item';/,
    );
  });

  it('fails lint when a module imports one that imports it back', async () => {
    const messages = await lint(
      ITEM,
      "import { VirtualTaskList } from './task-list';\nexport const probe = VirtualTaskList;\n",
    );
    expect(messages.map((message) => message.ruleId)).toContain(
      'import-x/no-cycle',
    );
  });

  it('finds cycles through several modules, in the node parts too', async () => {
    // bff/app.ts registers routes/token.ts, which throws bff/errors.ts's errors.
    expect(readFileSync(path.join(ROOT, 'src/bff/app.ts'), 'utf8')).toMatch(
      /import \{ tokenRoutes \} from '\.\/routes\/token';/,
    );
    expect(
      readFileSync(path.join(ROOT, 'src/bff/routes/token.ts'), 'utf8'),
    ).toMatch(/^import \{[^}]*\} from '\.\.\/errors';$/m);
    const messages = await lint(
      'src/bff/errors.ts',
      "import { buildApp } from './app';\nexport const probe = buildApp;\n",
    );
    expect(messages.map((message) => message.ruleId)).toContain(
      'import-x/no-cycle',
    );
  });

  // Type-only cycles are caught by scripts/import-cycles.test.ts instead.
  it('follows value imports only', async () => {
    const messages = await lint(
      ITEM,
      "import type { VirtualTaskList } from './task-list';\nexport type Probe = typeof VirtualTaskList;\n",
    );
    expect(messages.map((message) => message.ruleId)).not.toContain(
      'import-x/no-cycle',
    );
  });
});

describe('max-lines', () => {
  const code = (lines: number, extra = '') =>
    `${Array.from({ length: lines }, (_, i) => `export const line${String(i)} = ${String(i)};`).join('\n')}\n${extra}`;
  const maxLines = async (file: string, text: string) =>
    (await lint(file, text)).filter(
      (message) => message.ruleId === 'max-lines',
    );

  it('warns about a module over 300 lines of code in the SPA and the scripts', async () => {
    for (const file of [
      'src/app/features/task-inbox/lint-probe.ts',
      'src/app/lint-probe.tsx',
      'scripts/lint-probe.ts',
    ]) {
      const messages = await maxLines(file, code(301));
      expect(messages, file).toHaveLength(1);
      expect(messages[0]?.severity, file).toBe(1);
    }
    expect(await maxLines('src/app/lib/lint-probe.ts', code(300))).toEqual([]);
  });

  it('counts neither blank lines nor comments', async () => {
    const padding = '\n// why, not what\n\n'.repeat(40);
    expect(
      await maxLines('src/app/lib/lint-probe.ts', code(300, padding)),
    ).toEqual([]);
  });

  it('leaves tests and test helpers alone', async () => {
    for (const file of [
      'src/app/lib/lint-probe.test.ts',
      'src/app/test/lint-probe.ts',
      'scripts/lint-probe.test.ts',
    ]) {
      expect(await maxLines(file, code(400)), file).toEqual([]);
    }
  });
});

describe('file names', () => {
  it('are kebab-case, except TanStack route files', async () => {
    const rules = async (file: string) =>
      (await lint(file, 'export const probe = 1;\n')).map(
        (message) => message.ruleId,
      );
    expect(await rules('src/app/components/TaskCard.tsx')).toContain(
      'check-file/filename-naming-convention',
    );
    expect(await rules('src/app/features/TaskCards/task-card.tsx')).toContain(
      'check-file/folder-naming-convention',
    );
    expect(
      await rules('src/app/routes/_authenticated.tasks.$taskId.tsx'),
    ).not.toContain('check-file/filename-naming-convention');
  });
});
