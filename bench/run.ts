/**
 * `npm run bench`: every benchmark in `bench/`, one after the other, then
 * `bench/REPORT.md`.
 *
 * A benchmark is any `bench/<name>.ts` (not this file, not tests, not
 * `_scratch.ts`), so one that lands later (proxy mode's) joins the run
 * without touching this file. Each runs as its own process and starts the
 * parts it measures itself, fresh, on loopback ports the kernel picks, so no
 * benchmark inherits another's warm caches or heap. Each writes
 * `<results>/<name>.json`; this runner deletes the old file first, so a
 * benchmark that fails never leaves last week's figures in the report.
 *
 * `--quick` (CI) runs everything end to end with tiny data and short runs and
 * writes to `bench/results/quick/` (or BENCH_RESULTS_DIR), never over real
 * figures, running the benchmarks side by side (`--serial` to not).
 * `--only a,b` runs some benchmarks; the report still lists every result
 * file in the folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isBuildStale } from '../src/launcher';
import { readResults, renderReport } from './lib/report';
import { QUICK, ROOT, resultsDir } from './lib/results';

/** The order a full run takes: cheap and stack-free first, the browser last. */
const PREFERRED_ORDER = ['bundle', 'bff', 'tasklist', 'proxy', 'browser'];

/** Benchmark modules in `dir`, in run order. */
export function discoverBenchmarks(dir: string): string[] {
  const names = readdirSync(dir)
    .filter(
      (file) =>
        file.endsWith('.ts') &&
        !file.endsWith('.test.ts') &&
        !file.endsWith('.d.ts') &&
        !file.startsWith('_') &&
        file !== 'run.ts',
    )
    .map((file) => file.slice(0, -'.ts'.length));
  const rank = (name: string) => {
    const index = PREFERRED_ORDER.indexOf(name);
    return index === -1 ? PREFERRED_ORDER.length : index;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** Runs one benchmark process; resolves with its exit code or why it died. */
function runOne(
  name: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join('bench', `${name}.ts`),
        ...(QUICK ? ['--quick'] : []),
      ],
      { cwd: ROOT, env, stdio: 'inherit', detached: true },
    );
    // The benchmark's own children (servers, Chromium) go with it.
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      console.error(
        `[bench] ${name} took longer than ${String(timeoutMs / 1000)} s: stopping it`,
      );
      killGroup('SIGTERM');
      setTimeout(() => {
        killGroup('SIGKILL');
      }, 10_000).unref();
    }, timeoutMs);
    const onSignal = () => {
      killGroup('SIGTERM');
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(
        code === 0
          ? undefined
          : `exited with ${signal ?? `code ${String(code)}`}`,
      );
    });
  });
}

async function buildIfStale(): Promise<void> {
  if (!isBuildStale()) return;
  console.log('[bench] dist/ is missing or stale: building the SPA first');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error('vite build failed');
}

async function main(): Promise<number> {
  const started = Date.now();
  const all = discoverBenchmarks(path.join(ROOT, 'bench'));
  const only = argValue('--only')?.split(',').filter(Boolean);
  const unknown = only?.filter((name) => !all.includes(name)) ?? [];
  if (unknown.length > 0) {
    console.error(
      `[bench] no such benchmark: ${unknown.join(', ')} (there are: ${all.join(', ')})`,
    );
    return 2;
  }
  const chosen = only ? all.filter((name) => only.includes(name)) : all;
  const dir = resultsDir();
  await buildIfStale();
  const env = {
    ...process.env,
    BENCH_RESULTS_DIR: dir,
    ...(QUICK ? { BENCH_QUICK: '1' } : {}),
  };
  // A stuck benchmark (a server that never answers) must not hang the run;
  // the limit is far above what each takes on a busy 2-core machine.
  const timeoutMs =
    Number(process.env.BENCH_TIMEOUT_S ?? (QUICK ? 150 : 480)) * 1000;
  const failures: { benchmark: string; reason: string }[] = [];
  const runAndCheck = async (name: string) => {
    console.log(`\n[bench] === ${name}${QUICK ? ' (--quick)' : ''} ===`);
    const file = path.join(dir, `${name}.json`);
    rmSync(file, { force: true });
    const benchStarted = Date.now();
    const failure = await runOne(name, env, timeoutMs);
    console.log(
      `[bench] ${name}: ${failure ?? 'done'} in ${String(Math.round((Date.now() - benchStarted) / 1000))} s`,
    );
    if (failure) failures.push({ benchmark: name, reason: failure });
    if (!existsSync(file)) {
      failures.push({ benchmark: name, reason: `wrote no ${name}.json` });
    }
  };
  if (QUICK && !process.argv.includes('--serial')) {
    // A smoke run's figures mean nothing, so its benchmarks may share the
    // machine: together they take about as long as the slowest one.
    await Promise.all(chosen.map(runAndCheck));
  } else {
    // Real figures: one benchmark at a time, nothing else of ours running.
    for (const name of chosen) await runAndCheck(name);
  }
  const durationS = Math.round((Date.now() - started) / 1000);
  const report = renderReport(readResults(dir), {
    failures,
    durationS,
    quick: QUICK,
  });
  // Real figures go next to the benchmarks; a smoke run's stay with its results.
  const reportFile =
    QUICK || process.env.BENCH_RESULTS_DIR
      ? path.join(dir, 'REPORT.md')
      : path.join(ROOT, 'bench', 'REPORT.md');
  writeFileSync(reportFile, report);
  console.log(
    `\n[bench] ${String(chosen.length)} benchmarks in ${String(durationS)} s; wrote ${path.relative(ROOT, reportFile)}`,
  );
  if (failures.length > 0) {
    console.error(
      `[bench] FAILED: ${failures.map((f) => `${f.benchmark} (${f.reason})`).join('; ')}`,
    );
    return 1;
  }
  return 0;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.join(ROOT, 'bench', 'run.ts')
) {
  process.exit(await main());
}
