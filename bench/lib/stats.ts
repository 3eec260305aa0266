/**
 * Samples and their summaries. Every benchmark repeats its measurement in
 * runs; a figure is the median, over the runs, of each run's percentile, so
 * one disturbed run (the machine is shared) moves it little.
 */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export interface Measurement {
  label: string;
  unit: string;
  /** Every sample, run by run. */
  runs: number[][];
  perRun: Summary[];
  /** p50/p95/p99: medians of the runs' own; min/max: over every sample. */
  summary: Summary;
}

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export function summarize(samples: readonly number[], digits = 3): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 0.5), digits),
    p95: round(percentile(sorted, 0.95), digits),
    p99: round(percentile(sorted, 0.99), digits),
    min: round(sorted[0] ?? NaN, digits),
    max: round(sorted.at(-1) ?? NaN, digits),
  };
}

/** A measurement from samples taken in several runs. */
export function measurement(
  label: string,
  unit: string,
  runs: number[][],
  digits = 3,
): Measurement {
  const rounded = runs.map((run) => run.map((value) => round(value, digits)));
  const perRun = rounded.map((run) => summarize(run, digits));
  const all = rounded.flat();
  const pick = (key: 'p50' | 'p95' | 'p99') =>
    round(median(perRun.map((s) => s[key])), digits);
  return {
    label,
    unit,
    runs: rounded,
    perRun,
    summary: {
      n: all.length,
      p50: pick('p50'),
      p95: pick('p95'),
      p99: pick('p99'),
      min: round(Math.min(...all), digits),
      max: round(Math.max(...all), digits),
    },
  };
}

/**
 * A measurement with one value per run (a throughput, a byte count): the
 * summary is over those values, so p50 is their median.
 */
export function perRunMeasurement(
  label: string,
  unit: string,
  values: number[],
  digits = 3,
): Measurement {
  const rounded = values.map((value) => round(value, digits));
  const summary = summarize(rounded, digits);
  return {
    label,
    unit,
    runs: rounded.map((value) => [value]),
    perRun: rounded.map((value) => summarize([value], digits)),
    summary: { ...summary, p50: round(median(rounded), digits) },
  };
}

/** `a / b`, rounded, or null when it means nothing. */
export function ratio(a: number, b: number, digits = 2): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return round(a / b, digits);
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
