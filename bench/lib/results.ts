/**
 * What every benchmark writes: `bench/results/<name>.json` with the machine,
 * the settings, every measurement (raw samples per run and their summary),
 * the figures the report quotes, and the checks that make a run valid.
 * `--quick` runs write to `bench/results/quick/` instead, so a smoke run
 * never replaces real figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement } from './stats';

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** Smoke mode: tiny data, short durations, every step still taken. */
export const QUICK =
  process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

/** Full or quick value of a setting. */
export const pick = <T>(full: T, quick: T): T => (QUICK ? quick : full);

/** Runs per measurement: five (two in a smoke run); the median is reported. */
export const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 2 : 5));

export function resultsDir(): string {
  return (
    process.env.BENCH_RESULTS_DIR ??
    path.join(ROOT, 'bench', 'results', ...(QUICK ? ['quick'] : []))
  );
}

/** One row of the report: a figure beside its floor. */
export interface Figure {
  /** The row of issue 11's table. */
  figure: number;
  name: string;
  value: number;
  unit: string;
  floorName?: string;
  floor?: number;
  /** How the ratio is formed, e.g. "value / floor" or "floor / value". */
  ratioOf?: string;
  ratio?: number | null;
  goal?: string;
  /** Undefined when the goal is "report". */
  met?: boolean;
  note?: string;
}

export interface BenchResult {
  benchmark: string;
  generatedAt: string;
  durationS: number;
  quick: boolean;
  machine: ReturnType<typeof machine>;
  settings: Record<string, unknown>;
  measurements: Record<string, Measurement>;
  figures: Figure[];
  checks: Record<string, unknown>;
  /** What makes the run invalid (failed requests, a broken invariant). */
  problems: string[];
  /** Plain-text notes for the report, e.g. where the time goes (a profile). */
  notes: string[];
  extra?: Record<string, unknown>;
}

export function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1e9) * 10) / 10,
    // Other work on the machine skews latencies; the load shows how much.
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** Indented JSON with arrays of numbers (the samples) kept on one line. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g,
    (_match, inner: string) => `[${inner.split(/,\s*/).join(',')}]`,
  );
}

/** Collects a benchmark's result and writes it, whatever happens. */
export class ResultWriter {
  readonly #started = Date.now();
  readonly measurements: Record<string, Measurement> = {};
  readonly figures: Figure[] = [];
  readonly checks: Record<string, unknown> = {};
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  readonly extra: Record<string, unknown> = {};
  readonly #machineAtStart = machine();

  constructor(
    readonly benchmark: string,
    readonly settings: Record<string, unknown>,
  ) {}

  add(key: string, value: Measurement): Measurement {
    this.measurements[key] = value;
    return value;
  }

  figure(figure: Figure): void {
    this.figures.push(figure);
  }

  /** Writes `<name>.json`; returns its path. */
  write(): string {
    const result: BenchResult = {
      benchmark: this.benchmark,
      generatedAt: new Date().toISOString(),
      durationS: Math.round((Date.now() - this.#started) / 100) / 10,
      quick: QUICK,
      machine: {
        ...this.#machineAtStart,
        loadAverageAtEnd: machine().loadAverage,
      } as ReturnType<typeof machine>,
      settings: { runs: RUNS, ...this.settings },
      measurements: this.measurements,
      figures: this.figures,
      checks: this.checks,
      problems: this.problems,
      notes: this.notes,
      ...(Object.keys(this.extra).length > 0 ? { extra: this.extra } : {}),
    };
    const dir = resultsDir();
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${this.benchmark}.json`);
    writeFileSync(file, `${formatJson(result)}\n`);
    return file;
  }
}

/**
 * Runs a benchmark's main, writes its result even when it fails half-way,
 * and exits non-zero when it failed or found a problem.
 */
export async function runBenchmark(
  writer: ResultWriter,
  main: (writer: ResultWriter) => Promise<void>,
): Promise<void> {
  try {
    await main(writer);
  } catch (error) {
    writer.problems.push(
      `failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const file = writer.write();
  console.log(`[bench:${writer.benchmark}] wrote ${path.relative(ROOT, file)}`);
  for (const problem of writer.problems) {
    console.error(`[bench:${writer.benchmark}] PROBLEM: ${problem}`);
  }
  process.exitCode = writer.problems.length > 0 ? 1 : 0;
}
