/**
 * `bench/REPORT.md`: every figure of issue 11 beside its floor, one table,
 * built from the result files the benchmarks wrote. A figure no benchmark
 * measured still gets its row ("not measured"), so a gap is visible.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BenchResult, Figure } from './results';

export interface FigureSpec {
  figure: number;
  title: string;
  floor: string;
  goal: string;
}

/** The rows of issue 11's table, in its order. */
export const FIGURES: readonly FigureSpec[] = [
  {
    figure: 1,
    title: 'cached token endpoint, real verification',
    floor: '`/healthz` on the same server',
    goal: 'ratio ≥ 0.8',
  },
  {
    figure: 2,
    title: 'embedded Tasklist at 100,000 tasks, in process',
    floor: 'the same page as a raw SQLite query',
    goal: '≤ 2× at p50',
  },
  {
    figure: 3,
    title: 'proxy mode: the list query through the BFF',
    floor: 'the same query straight to Tasklist',
    goal: '≤ 1.3× at p50',
  },
  {
    figure: 4,
    title:
      'cold start to the first task row (Chromium, signed in, cache empty)',
    floor: 'a static HTML page with the same 50 rows from the same server',
    goal: '≤ 1.5×',
  },
  {
    figure: 5,
    title: 'warm navigation: list → task with a form → form interactive',
    floor: 'form-js rendering the same schema alone on a blank page',
    goal: 'report',
  },
  {
    figure: 6,
    title: 'claim round trip: click `Assign to me` → button updated',
    floor: 'the raw GraphQL mutation round trip from Node',
    goal: 'report',
  },
  {
    figure: 7,
    title: 'scrolling 10,000 loaded tasks',
    floor: 'the same scroll over a static list of 100 rows',
    goal: 'no frame over 50 ms',
  },
  {
    figure: 8,
    title: 'JS and CSS for `/tasks` and for a task with a form',
    floor: '—',
    goal: '`/tasks` ≤ 200 kB gz',
  },
  {
    figure: 9,
    title: 'memory: BFF RSS, browser heap',
    floor: 'idle RSS and heap at start',
    goal: 'report, no growth after warm-up',
  },
];

/** Reads every `<name>.json` result in `dir` (not the report, not sub-folders). */
export function readResults(dir: string): BenchResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      try {
        const parsed = JSON.parse(
          readFileSync(path.join(dir, file), 'utf8'),
        ) as Partial<BenchResult>;
        // Result files from before the shared format carry no figures.
        if (!Array.isArray(parsed.figures) || !parsed.machine) return [];
        return [parsed as BenchResult];
      } catch {
        return [];
      }
    });
}

/**
 * A number as a person reads it: thousands grouped, about three significant
 * digits, never exponent notation.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  const digits =
    magnitude >= 100 || Number.isInteger(value)
      ? 0
      : magnitude >= 10
        ? 1
        : magnitude >= 1
          ? 2
          : 3;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  });
}

function withUnit(value: number, unit: string): string {
  return unit === '' ? formatNumber(value) : `${formatNumber(value)} ${unit}`;
}

/** Table cells never break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function metCell(figure: Figure): string {
  if (figure.met === undefined) return '—';
  return figure.met ? 'yes' : '**no**';
}

function figureRow(spec: FigureSpec, figure: Figure): string {
  const floor =
    figure.floor === undefined
      ? '—'
      : `${figure.floorName ? `${figure.floorName}: ` : ''}${withUnit(figure.floor, figure.unit)}`;
  const ratio =
    figure.ratio === undefined || figure.ratio === null
      ? '—'
      : `${formatNumber(figure.ratio)}${figure.ratioOf ? ` (${figure.ratioOf})` : ''}`;
  const name = figure.note ? `${figure.name} (${figure.note})` : figure.name;
  return `| ${String(spec.figure)} | ${cell(name)} | ${cell(withUnit(figure.value, figure.unit))} | ${cell(floor)} | ${cell(ratio)} | ${cell(figure.goal ?? spec.goal)} | ${metCell(figure)} |`;
}

export interface ReportContext {
  /** Benchmarks the runner started that wrote nothing or failed, with why. */
  failures?: { benchmark: string; reason: string }[];
  /** The whole run's wall-clock time. */
  durationS?: number;
  quick?: boolean;
}

/** The report's Markdown. */
export function renderReport(
  results: readonly BenchResult[],
  context: ReportContext = {},
): string {
  const first = results[0];
  const lines: string[] = ['# Benchmark report', ''];
  if (first) {
    const { machine } = first;
    const dates = results.map((r) => r.generatedAt).sort();
    const loads = results.map(
      (r) => `${r.benchmark} ${r.machine.loadAverage.join('/')}`,
    );
    lines.push(
      `Measured ${dates[0]?.slice(0, 16).replace('T', ' ') ?? '?'} UTC on ${String(machine.cpus)} CPUs (${machine.cpuModel}), Node ${machine.node}, ${machine.platform}, ${String(machine.memoryGb)} GB.`,
      `Load average (1/5/15 min) when each benchmark started: ${loads.join('; ')}.`,
    );
    if (context.durationS !== undefined) {
      lines.push(
        `The whole run took ${formatNumber(context.durationS)} s${context.quick || results.some((r) => r.quick) ? ' (a `--quick` smoke run: small data and short runs, the figures mean nothing)' : ''}.`,
      );
    }
    lines.push('');
  }
  lines.push(
    'Every figure is the median over the runs (each run warmed up first) of the figure it names; the floor is measured in the same run on the same machine, so the ratio is the headline. Raw samples with p50/p95/p99/min/max are in `bench/results/<name>.json`.',
    '',
    '| # | figure | value | floor | ratio | goal | met |',
    '|---|---|---|---|---|---|---|',
  );
  for (const spec of FIGURES) {
    const rows = results.flatMap((result) =>
      result.figures.filter((figure) => figure.figure === spec.figure),
    );
    if (rows.length === 0) {
      lines.push(
        `| ${String(spec.figure)} | ${cell(spec.title)}: not measured | — | ${cell(spec.floor)} | — | ${cell(spec.goal)} | — |`,
      );
      continue;
    }
    for (const figure of rows) lines.push(figureRow(spec, figure));
  }
  const problems = [
    ...results.flatMap((r) =>
      r.problems.map((problem) => `${r.benchmark}: ${problem}`),
    ),
    ...(context.failures ?? []).map((f) => `${f.benchmark}: ${f.reason}`),
  ];
  if (problems.length > 0) {
    lines.push('', '## Problems', '');
    for (const problem of problems) {
      lines.push(`- ${problem.split('\n')[0] ?? ''}`);
    }
  }
  const noted = results.filter((r) => r.notes.length > 0);
  if (noted.length > 0) {
    lines.push('', '## Notes', '');
    for (const result of noted) {
      lines.push(`### ${result.benchmark}`, '');
      for (const note of result.notes) {
        // Multi-line notes are profiles and tables: kept as they are.
        lines.push(note.includes('\n') ? `\`\`\`\n${note}\n\`\`\`` : note, '');
      }
    }
  }
  lines.push(
    '',
    '## Runs',
    '',
    '| benchmark | took | runs | load at end |',
    '|---|---|---|---|',
  );
  for (const result of results) {
    const end = (
      result.machine as BenchResult['machine'] & {
        loadAverageAtEnd?: number[];
      }
    ).loadAverageAtEnd;
    lines.push(
      `| ${result.benchmark} | ${formatNumber(result.durationS)} s | ${typeof result.settings.runs === 'number' ? String(result.settings.runs) : '?'} | ${end?.join('/') ?? '?'} |`,
    );
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
