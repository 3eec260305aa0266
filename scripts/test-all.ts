/**
 * `npm test`: every check the project has, in the order that makes each one
 * meaningful (codegen before typecheck, build before e2e), ending with one
 * plain summary line `N passed, N failed[, N skipped]`.
 *
 * Every step runs even when an earlier one fails, so one run shows all
 * problems; the exit code is non-zero if anything failed.
 *
 * With `TEST_ALSO_ON_NODE=<major>` (set by `.ci/run`), a second run happens
 * on that Node line too (better-sqlite3 built and loaded for it, the vitest
 * node suites, one end-to-end journey), counted in the same summary
 * (scripts/extra-node.ts, docs/decisions/021-supported-node-lines.md).
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareExtraNode, withSqliteBinding } from './extra-node';
import { runStep } from './run-step';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.ci-out');
const bin = (pkg: string, file: string) =>
  path.join(ROOT, 'node_modules', pkg, file);

process.env.IBM_TELEMETRY_DISABLED = 'true';
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

interface Gate {
  name: string;
  ok: boolean;
}
const gates: Gate[] = [];

function step(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): boolean {
  return runStep(name, command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
}

function gate(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
) {
  gates.push({ name, ok: step(name, command, args, env) });
}

/** Finds Chromium, installing Debian's package when we are allowed to. */
function ensureChromium(): boolean {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `No Chromium at ${chromium}. Install Debian's package first:\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROMIUM_PATH at an existing Chromium binary.',
    );
    return false;
  }
  console.log(
    "Chromium is missing: installing Debian's chromium package with apt",
  );
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  return (
    step('apt-get update', 'apt-get', ['update', '-qq'], env) &&
    step(
      'apt-get install chromium',
      'apt-get',
      ['install', '-y', '-qq', 'chromium'],
      env,
    ) &&
    existsSync(chromium)
  );
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const report = readJson(file) as
    | {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
      }
    | undefined;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts {
  const report = readJson(file) as
    | {
        stats: {
          expected: number;
          unexpected: number;
          flaky: number;
          skipped: number;
        };
      }
    | undefined;
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

function main(): number {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const node = process.execPath;

  const chromiumOk = ensureChromium();
  if (!chromiumOk) gates.push({ name: 'chromium', ok: false });

  if (existsSync(path.join(ROOT, 'codegen.ts'))) {
    gate('codegen is up to date', node, [
      '--import',
      'tsx',
      'scripts/check-codegen.ts',
    ]);
  }
  gate('message catalogues are up to date', node, [
    '--import',
    'tsx',
    'scripts/check-messages.ts',
  ]);
  gate('lint', node, [bin('eslint', 'bin/eslint.js'), '--max-warnings=0', '.']);
  gate('format', node, [bin('prettier', 'bin/prettier.cjs'), '--check', '.']);
  // The build writes the route tree the typecheck reads, so it goes first.
  gate('build', node, [bin('vite', 'bin/vite.js'), 'build']);
  gate('typecheck', node, [bin('typescript', 'bin/tsc'), '-b']);
  if (existsSync(path.join(ROOT, 'scripts/size.ts'))) {
    gate('bundle budget', node, [
      '--import',
      'tsx',
      'scripts/size.ts',
      '--check',
    ]);
  }

  const vitestJson = path.join(OUT, 'vitest.json');
  const vitestOk = step('unit and component tests (vitest)', node, [
    bin('vitest', 'vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ]);

  const playwrightJson = path.join(OUT, 'playwright.json');
  let playwrightOk = false;
  if (chromiumOk) {
    playwrightOk = step(
      'end-to-end tests (Playwright)',
      node,
      [bin('@playwright/test', 'cli.js'), 'test'],
      { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
    );
  }

  // Benchmarks are never pass/fail on timings; this only proves that every
  // one of them still runs end to end (small data, short runs, side by side).
  if (chromiumOk) {
    gate(
      'benchmarks run end to end (npm run bench -- --quick)',
      node,
      ['--import', 'tsx', 'bench/run.ts', '--quick'],
      { BENCH_RESULTS_DIR: path.join(OUT, 'bench') },
    );
  }

  const counts = [vitestCounts(vitestJson), playwrightCounts(playwrightJson)];
  const suitesOk = [vitestOk, playwrightOk];
  const extraMajor = process.env.TEST_ALSO_ON_NODE;
  if (extraMajor) {
    const extra = runOnExtraNode(extraMajor, chromiumOk);
    counts.push(...extra.counts);
    suitesOk.push(...extra.ok);
  }
  const failedGates = gates.filter((g) => !g.ok);
  const total = counts.reduce(
    (sum, c) => ({
      passed: sum.passed + c.passed,
      failed: sum.failed + c.failed,
      skipped: sum.skipped + c.skipped,
    }),
    { passed: 0, failed: failedGates.length, skipped: 0 },
  );
  // A suite that crashed without failing a test still fails the run.
  suitesOk.forEach((ok, i) => {
    if (!ok && counts[i]?.failed === 0) total.failed += 1;
  });

  console.log('\n=== summary ===');
  for (const g of gates) console.log(`${g.ok ? 'ok    ' : 'FAILED'} ${g.name}`);
  const summary =
    `${total.passed} passed, ${total.failed} failed` +
    (total.skipped > 0 ? `, ${total.skipped} skipped` : '');
  writeFileSync(path.join(OUT, 'summary.txt'), `${summary}\n`);
  console.log(summary);
  return total.failed === 0 && suitesOk.every(Boolean) ? 0 : 1;
}

/**
 * The vitest suites that also run on the extra Node line: the whole `node`
 * project (Tasklist, BFF, identity, launcher, scripts), which is every suite
 * whose code runs on Node. The `app` project's jsdom suites test browser code
 * that Node only hosts, so they run once; see ADR 021.
 */
const EXTRA_NODE_SUITES = ['--project', 'node'];

/**
 * The end-to-end journey that also runs on the extra Node line, in the
 * configuration `npm start` runs (proxy mode on the REST v2 upstream) only:
 * one journey, as decision 021 counts it.
 */
const EXTRA_NODE_JOURNEY = [
  'e2e/inbox-journey.spec.ts',
  '--project',
  'rest-v2',
  '--grep',
  'demo assigns an unassigned task',
];

/**
 * The node suites and one journey on another Node line. Its install and
 * native build count as gates; its test results join the summary.
 */
function runOnExtraNode(
  major: string,
  chromiumOk: boolean,
): { counts: Counts[]; ok: boolean[] } {
  const extra = prepareExtraNode(major, ROOT, (name, ok) => {
    gates.push({ name, ok });
  });
  if (!extra) return { counts: [], ok: [] };
  try {
    return withSqliteBinding(ROOT, extra.sqliteBinding, () => {
      // Children that start `node` by name (Playwright's web server) get it too.
      const env = {
        PATH: `${extra.binDir}${path.delimiter}${process.env.PATH ?? ''}`,
      };
      const vitestJson = path.join(OUT, `vitest-node${major}.json`);
      const vitestOk = step(
        `node suites (vitest) on Node ${major}`,
        extra.bin,
        [
          bin('vitest', 'vitest.mjs'),
          'run',
          ...EXTRA_NODE_SUITES,
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${vitestJson}`,
        ],
        env,
      );
      const playwrightJson = path.join(OUT, `playwright-node${major}.json`);
      const playwrightOk =
        chromiumOk &&
        step(
          `end-to-end journey (Playwright) on Node ${major}`,
          extra.bin,
          [bin('@playwright/test', 'cli.js'), 'test', ...EXTRA_NODE_JOURNEY],
          { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
        );
      return {
        counts: [vitestCounts(vitestJson), playwrightCounts(playwrightJson)],
        ok: [vitestOk, playwrightOk],
      };
    });
  } finally {
    extra.dispose();
  }
}

process.exit(main());
